package dev.slubsmo.suite.python;

/** The suite's test bodies, shared by the smo_test port and the sized-cache variant. */
final class SuiteSteps {
  private SuiteSteps() {}

  /** Steps a and b of a test: {@code alloc(opS + 1)}, {@code free(1)}. */
  static void allocThenFreeFirst(SuiteDriver d) {
    d.alloc(d.objsPerSlab() + 1L);
    d.free(1);
  }

  /** The non-movable test with its cleanup, {@code free(opS)} and a shrink. */
  static void nonMovableTest(SuiteDriver d) {
    allocThenFreeFirst(d);
    d.shrink();
    d.free(d.objsPerSlab());
    d.shrink();
  }

  /** {@code enable}, then the movable test up to its shrink. */
  static void movableTestToShrink(SuiteDriver d) {
    d.enable();
    allocThenFreeFirst(d);
    d.shrink();
  }

  /** The movable test's cleanup. */
  static void movableCleanup(SuiteDriver d) {
    d.free(d.objsPerSlab());
    d.shrink();
  }
}
