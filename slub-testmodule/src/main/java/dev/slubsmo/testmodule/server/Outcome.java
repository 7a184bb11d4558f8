package dev.slubsmo.testmodule.server;

/**
 * What the server made of one request: the output, the error (null when it succeeded) and, for a
 * {@code shutdown} or a panic, how the server stops once the reply is sent.
 */
record Outcome(String output, String error, Stop stop) {
  /** Why the server stopped: its exit status and, after a panic, the report. */
  record Stop(int status, String report) {}

  static Outcome ok(String output) {
    return new Outcome(output, null, null);
  }

  static Outcome error(String message) {
    return new Outcome("", message, null);
  }

  Outcome thenStop(Stop s) {
    return new Outcome(output, error, s);
  }
}
