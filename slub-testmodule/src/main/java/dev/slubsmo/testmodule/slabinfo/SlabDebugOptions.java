package dev.slubsmo.testmodule.slabinfo;

/** The debug switches {@code -d[afzput]} asks for, accumulated over every {@code -d} given. */
final class SlabDebugOptions {
  boolean sanity;
  boolean redzone;
  boolean poison;
  boolean tracking;
  boolean tracing;

  /**
   * Mirrors {@code debug_opt_scan()}: no argument, an empty one or {@code -} switches nothing on;
   * {@code a} switches on all but tracing. False when a letter is unknown or already given.
   */
  boolean scan(String opt) {
    if (opt == null || opt.isEmpty() || opt.equals("-")) {
      return true;
    }
    if (opt.equalsIgnoreCase("a")) {
      sanity = true;
      poison = true;
      redzone = true;
      tracking = true;
      return true;
    }
    for (char c : opt.toCharArray()) {
      switch (Character.toLowerCase(c)) {
        case 'f' -> {
          if (sanity) {
            return false;
          }
          sanity = true;
        }
        case 'p' -> {
          if (poison) {
            return false;
          }
          poison = true;
        }
        case 'z' -> {
          if (redzone) {
            return false;
          }
          redzone = true;
        }
        case 'u' -> {
          if (tracking) {
            return false;
          }
          tracking = true;
        }
        case 't' -> {
          if (tracing) {
            return false;
          }
          tracing = true;
        }
        default -> {
          return false;
        }
      }
    }
    return true;
  }
}
