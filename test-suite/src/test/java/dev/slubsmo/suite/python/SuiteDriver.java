package dev.slubsmo.suite.python;

/** What the suite's tests do to a cache: the module commands, the shrink, the sysfs reads. */
interface SuiteDriver {
  void alloc(long n);

  /** Frees {@code n} objects from the oldest, as {@code free n 0}. */
  void free(long n);

  void enable();

  void shrink();

  SlabTuple state();

  int objsPerSlab();
}
