package dev.slubsmo.testmodule.live;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The machine-wide lock that lets one capture at a time drive tracefs: an fcntl lock on a file,
 * released when the holder closes it or dies. Tools outside smo (trace-cmd, perf) do not take it.
 */
final class CaptureLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private CaptureLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or refuses at once, naming the lock file. */
  static CaptureLock acquire(Path file) {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new LiveKernelException(
          "cannot open capture lock " + file + ": " + KernelFiles.reason(e), e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException heldByThisJvm) {
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new LiveKernelException("cannot lock " + file + ": " + KernelFiles.reason(e), e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new LiveKernelException(
          "another capture is running (" + file + " is locked); tracefs is global, wait for it");
    }
    return new CaptureLock(channel, lock);
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new LiveKernelException("cannot release capture lock: " + KernelFiles.reason(e), e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // The error being thrown by the caller is the one worth reporting.
    }
  }
}
