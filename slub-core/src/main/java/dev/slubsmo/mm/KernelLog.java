package dev.slubsmo.mm;

import java.util.ArrayList;
import java.util.List;

/** The machine's kernel log ({@code dmesg}): module messages and BUG/FIX reports, in order. */
public final class KernelLog {
  private final List<String> lines = new ArrayList<>();
  private int bugs;

  /** Appends one line ({@code printk}). */
  public synchronized void printk(String line) {
    lines.add(line);
  }

  /** Appends several lines as one report and counts it as a BUG. */
  public synchronized void bug(List<String> report) {
    lines.addAll(report);
    bugs++;
  }

  /** Reports counted by {@link #bug} since the machine started. */
  public synchronized int bugCount() {
    return bugs;
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Lines from index {@code from} on, for readers that follow the log. */
  public synchronized List<String> linesFrom(int from) {
    return List.copyOf(lines.subList(Math.min(from, lines.size()), lines.size()));
  }

  public synchronized int size() {
    return lines.size();
  }
}
