package dev.slubsmo.suite.python;

/**
 * The tuples the suite expects at each step, derived from {@code objs_per_slab} as read through
 * sysfs. With {@code slub_debug} they are the suite's own (spec testmodule-and-suite.md 3.2, traced
 * in 4.2); without it they are the non-debug expectation of spec 4.4, where the CPU slab's free
 * objects count as active and a slab freed into while full sits on the CPU partial chain. Cleanup
 * states (not checked by the original) follow 4.2: the SMO shrink's early return keeps a lone empty
 * slab, which the minimal-move placement discards.
 */
record Expected(SuiteMachine machine, long opS) {
  /** After {@code alloc(opS + 1)}. */
  SlabTuple afterAlloc() {
    return machine.debug()
        ? SlabTuple.of(opS + 1, 2 * opS, 1, 2)
        : SlabTuple.of(2 * opS, 2 * opS, 0, 2);
  }

  /** After {@code free(1)}: the first object of the first slab. */
  SlabTuple afterFree() {
    return machine.debug()
        ? SlabTuple.of(opS, 2 * opS, 2, 2)
        : SlabTuple.of(2 * opS, 2 * opS, 0, 2);
  }

  /** After the shrink of a cache without mobility: nothing moves. */
  SlabTuple afterNonMovableShrink() {
    return SlabTuple.of(opS, 2 * opS, 2, 2);
  }

  /** After the shrink of a movable cache: one full slab. */
  SlabTuple afterMovableShrink() {
    return SlabTuple.of(opS, opS, 0, 1);
  }

  /** After the non-movable test's cleanup, {@code free(opS)} and a shrink: no slab left. */
  SlabTuple afterNonMovableCleanup() {
    return SlabTuple.EMPTY;
  }

  /** After the movable test's cleanup: the early return keeps the lone empty slab (K11). */
  SlabTuple afterMovableCleanup() {
    return machine.minimalMove() ? SlabTuple.EMPTY : SlabTuple.of(0, opS, 1, 1);
  }
}
