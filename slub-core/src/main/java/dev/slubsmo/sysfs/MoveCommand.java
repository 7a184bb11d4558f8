package dev.slubsmo.sysfs;

/**
 * What a write to sysfs {@code move} asks for (SMO patch 14, {@code move_store}): nothing, every
 * other node's objects to {@code node} ({@code kmem_cache_move_to_node}), or node {@code node}'s
 * objects to {@code target} ({@code kmem_cache_move}).
 */
record MoveCommand(Kind kind, int node, int target) {
  enum Kind {
    NONE,
    TO_NODE,
    BETWEEN
  }

  static final MoveCommand NONE = new MoveCommand(Kind.NONE, -1, -1);

  static MoveCommand toNode(int node) {
    return new MoveCommand(Kind.TO_NODE, node, -1);
  }

  static MoveCommand between(int node, int target) {
    return new MoveCommand(Kind.BETWEEN, node, target);
  }
}
