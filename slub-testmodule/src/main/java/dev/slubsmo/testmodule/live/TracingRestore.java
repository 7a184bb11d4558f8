package dev.slubsmo.testmodule.live;

/**
 * Puts saved tracefs settings back exactly once: on {@link #close()}, or from a shutdown hook if
 * the JVM is stopped (Ctrl-C, SIGTERM) while a capture runs, so tracing is not left enabled.
 */
final class TracingRestore implements AutoCloseable {
  private final Tracefs tracefs;
  private final TracingState saved;
  private final Thread hook;
  private boolean restored;

  TracingRestore(Tracefs tracefs, TracingState saved) {
    this.tracefs = tracefs;
    this.saved = saved;
    this.hook = new Thread(this::restore, "smo-capture-restore");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private synchronized void restore() {
    if (!restored) {
      restored = true;
      saved.apply(tracefs);
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to; restore() below waits for it or does the work once.
    }
    restore();
  }
}
