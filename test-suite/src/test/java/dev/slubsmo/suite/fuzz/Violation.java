package dev.slubsmo.suite.fuzz;

/**
 * A property that failed after a line.
 *
 * @param property which one
 * @param line the 0-based index of the line after which it failed
 * @param message what was wrong
 * @param repro the script line that fails on replay for the same reason: {@code check}, an {@code
 *     expect}, or the failing line itself
 */
record Violation(Property property, int line, String message, String repro) {
  /** Whether {@code other} is the same kind of failure, for the minimizer. */
  boolean sameAs(Violation other) {
    return other != null
        && other.property == property
        && (property != Property.CRASH || firstWord(other.message).equals(firstWord(message)));
  }

  private static String firstWord(String s) {
    int colon = s.indexOf(':');
    return colon < 0 ? s : s.substring(0, colon);
  }
}
