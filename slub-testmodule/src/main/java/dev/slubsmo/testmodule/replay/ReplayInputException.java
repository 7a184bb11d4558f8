package dev.slubsmo.testmodule.replay;

/**
 * Input a replay cannot use: a missing file, a bad option value, or a trace line in strict mode.
 */
public final class ReplayInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReplayInputException(String message) {
    super(message);
  }

  public ReplayInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
