package dev.slubsmo.concurrency;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Guards a bounded concurrent run against deadlock: a daemon thread checks once per {@code
 * stall/10} whether {@link #progress} was called within {@code stall}; if not, it fires once: it
 * records a dump of every thread's stack, with the locks each holds and waits for and the JVM's own
 * deadlock finding ({@link ThreadMXBean}), and interrupts the thread that created it.
 */
final class Watchdog implements AutoCloseable {
  private final Thread guarded = Thread.currentThread();
  private final long stallNanos;
  private final Thread timer;
  private volatile long lastProgress = System.nanoTime();
  private volatile String dump;

  Watchdog(Duration stall) {
    this.stallNanos = stall.toNanos();
    this.timer = new Thread(this::watch, "watchdog");
    timer.setDaemon(true);
    timer.start();
  }

  /** The run moved on: restarts the stall clock. */
  void progress() {
    lastProgress = System.nanoTime();
  }

  boolean fired() {
    return dump != null;
  }

  /** The thread dump taken when the watchdog fired, or null. */
  String dump() {
    return dump;
  }

  @Override
  public void close() {
    timer.interrupt();
  }

  private void watch() {
    long tick = Math.max(1, stallNanos / 10_000_000);
    try {
      while (System.nanoTime() - lastProgress < stallNanos) {
        Thread.sleep(tick);
      }
    } catch (InterruptedException closed) {
      return;
    }
    dump = threadDump();
    guarded.interrupt();
  }

  /** Every live thread's full stack with its locks, then the threads the JVM finds deadlocked. */
  static String threadDump() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    StringBuilder sb = new StringBuilder();
    for (ThreadInfo t : mx.dumpAllThreads(true, true)) {
      append(sb, t);
    }
    long[] deadlocked = mx.findDeadlockedThreads();
    sb.append("deadlocked threads (JVM): ");
    if (deadlocked == null) {
      sb.append("none\n");
    } else {
      for (ThreadInfo t : mx.getThreadInfo(deadlocked)) {
        sb.append('"').append(t.getThreadName()).append("\" ");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, ThreadInfo t) {
    sb.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
    if (t.getLockName() != null) {
      sb.append(" on ").append(t.getLockName());
    }
    if (t.getLockOwnerName() != null) {
      sb.append(" owned by \"").append(t.getLockOwnerName()).append('"');
    }
    sb.append('\n');
    StackTraceElement[] stack = t.getStackTrace();
    for (int i = 0; i < stack.length; i++) {
      sb.append("\tat ").append(stack[i]).append('\n');
      for (MonitorInfo m : t.getLockedMonitors()) {
        if (m.getLockedStackDepth() == i) {
          sb.append("\t- locked ").append(m).append('\n');
        }
      }
    }
    for (LockInfo l : t.getLockedSynchronizers()) {
      sb.append("\t- holds ").append(l).append('\n');
    }
    sb.append('\n');
  }
}
