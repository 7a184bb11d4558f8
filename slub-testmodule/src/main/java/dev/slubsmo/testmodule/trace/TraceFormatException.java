package dev.slubsmo.testmodule.trace;

/** A trace line that a strict {@link TraceReader} could not read: which line, why, and its text. */
public final class TraceFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final String reason;

  TraceFormatException(long line, String reason, String text) {
    super("line " + line + ": " + reason + ": " + text);
    this.line = line;
    this.reason = reason;
  }

  /** 1-based number of the offending line. */
  public long line() {
    return line;
  }

  /** What was wrong with it, without the line number and text. */
  public String reason() {
    return reason;
  }
}
