package dev.slubsmo.testmodule.live;

/**
 * A live kernel interface (sysfs, procfs, tracefs) or a copy of one could not be read, parsed or
 * driven. The message names the path and what was wrong with it.
 */
public final class LiveKernelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LiveKernelException(String message) {
    super(message);
  }

  public LiveKernelException(String message, Throwable cause) {
    super(message, cause);
  }
}
