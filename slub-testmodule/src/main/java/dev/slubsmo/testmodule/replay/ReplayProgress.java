package dev.slubsmo.testmodule.replay;

/** Hears how far a replay has read. */
public interface ReplayProgress {
  /**
   * Called now and then while reading.
   *
   * @param events events read so far
   * @param bytes stored trace bytes read so far
   * @param totalBytes the trace's stored size, or -1 when unknown
   */
  void update(long events, long bytes, long totalBytes);

  /** Called once when reading is over, before the policies' final steps. */
  void done();
}
