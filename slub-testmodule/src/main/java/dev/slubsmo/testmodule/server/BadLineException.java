package dev.slubsmo.testmodule.server;

/**
 * A line the protocol cannot accept: too long, or not UTF-8. The line has been consumed, so the
 * connection can go on with the next one.
 */
final class BadLineException extends Exception {
  private static final long serialVersionUID = 1L;

  BadLineException(String message) {
    super(message);
  }
}
