package dev.slubsmo.sysfs;

import dev.slubsmo.debug.Validate;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.StatItem;
import dev.slubsmo.smo.Balance;
import dev.slubsmo.smo.NumaMove;

/**
 * The store routines of the files that trigger work: {@code shrink}, {@code validate}, SMO's {@code
 * move} and {@code balance}, and clearing a stat counter. Results of the work are discarded, as the
 * kernel discards them.
 */
final class ActionStores {
  private ActionStores() {}

  /** {@code shrink_store}: {@code 1} runs {@code kmem_cache_shrink}. */
  static void shrink(KmemCache s, String value, Cpu cpu) {
    requireOne(value);
    s.shrink(cpu);
  }

  /** {@code validate_store}: {@code 1} runs {@code validate_slab_cache}. */
  static void validate(KmemCache s, String value, Cpu cpu) {
    requireOne(value);
    Validate.validateSlabCache(s);
  }

  /** {@code balance_store}: {@code 1} runs {@code kmem_cache_balance_nodes}. */
  static void balance(KmemCache s, String value, Cpu cpu) {
    requireOne(value);
    Balance.balance(s, cpu);
  }

  /** {@code move_store}: see {@link MoveInput}. */
  static void move(KmemCache s, String value, Cpu cpu) {
    MoveCommand c = MoveInput.parse(value, s.nodeCount(), s.slub().kernelFidelity());
    switch (c.kind()) {
      case TO_NODE -> NumaMove.moveToNode(s, cpu, c.node());
      case BETWEEN -> NumaMove.move(s, cpu, c.node(), c.target());
      case NONE -> {}
    }
  }

  /** The stat files' store: {@code 0} clears the counter on every CPU. */
  static void clearStat(KmemCache s, String value, StatItem item) {
    if (value.isEmpty() || value.charAt(0) != '0') {
      throw new AttributeError(Errno.EINVAL, "only 0 (clear the counter) can be written");
    }
    s.clearStat(item);
  }

  private static void requireOne(String value) {
    if (!FlagStores.on(value)) {
      throw new AttributeError(Errno.EINVAL, "only 1 can be written");
    }
  }
}
