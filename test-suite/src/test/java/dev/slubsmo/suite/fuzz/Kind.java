package dev.slubsmo.suite.fuzz;

import java.util.Locale;

/** What a line of the command language does, as the fuzzer counts and models it. */
enum Kind {
  MACHINE,
  CPU,
  ALLOC,
  ALLOC_NODE,
  FREE,
  ENABLE,
  TEST,
  SHRINK,
  DEFRAG_RATIO,
  DEFRAG,
  MOVE,
  BALANCE,
  KNOB,
  FAILSLAB,
  INSMOD,
  XA_STORE,
  XA_ERASE,
  XA_MARK,
  XA_CLEAR,
  XA_CHECK,
  XA_TEST,
  CHECK,
  EXPECT,
  OTHER;

  /**
   * Whether the whole machine is checked after the line: it can run a migrate callback (which also
   * takes kmalloc scratch space), or it boots or loads something.
   */
  boolean checksWholeMachine() {
    return switch (this) {
      case SHRINK, DEFRAG, MOVE, BALANCE, TEST, INSMOD, MACHINE -> true;
      default -> false;
    };
  }

  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
