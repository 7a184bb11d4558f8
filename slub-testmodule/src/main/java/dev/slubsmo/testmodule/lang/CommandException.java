package dev.slubsmo.testmodule.lang;

/**
 * A command the session refused: the message names the offending token and what was expected. The
 * session's state is unchanged when this is thrown.
 */
public final class CommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CommandException(String message) {
    super(message);
  }

  public CommandException(String message, Throwable cause) {
    super(message, cause);
  }
}
