package dev.slubsmo.testmodule.trace;

import static dev.slubsmo.testmodule.trace.TraceChars.contains;
import static dev.slubsmo.testmodule.trace.TraceChars.decimal;
import static dev.slubsmo.testmodule.trace.TraceChars.is;
import static dev.slubsmo.testmodule.trace.TraceChars.isDigit;
import static dev.slubsmo.testmodule.trace.TraceChars.isSpace;
import static dev.slubsmo.testmodule.trace.TraceChars.skipSpaces;
import static dev.slubsmo.testmodule.trace.TraceChars.skipToSpace;
import static dev.slubsmo.testmodule.trace.TraceChars.startsWith;
import static dev.slubsmo.testmodule.trace.TraceChars.text;

import dev.slubsmo.testmodule.trace.TraceEvent.Kind;

/**
 * Parses one line of ftrace text ({@code /sys/kernel/tracing/trace}) or {@code trace-cmd report}
 * text into a {@link TraceEvent}, by hand-written field scanning over a character range.
 *
 * <p>Line shape (kernel/trace/trace_output.c, trace-cmd's trace-read.c):
 *
 * <pre>
 *   task-pid [cpu] [flags] seconds.fraction: event: key=value key=value ...
 * </pre>
 *
 * The task name may itself contain {@code -}, {@code :} and spaces, so the header is anchored at
 * the first {@code [digits]} preceded by a space, and the pid is the number before it. The irq
 * flags column ({@code d..1.}) is optional (older kernels and trace-cmd versions leave it out);
 * flags never start with a digit and a timestamp always does, which tells them apart. The fraction
 * has 1 to 9 digits and is converted to nanoseconds exactly. {@link KmemFields} reads the {@code
 * key=value} fields.
 *
 * <p>Besides events, a line may be skipped: a comment ({@code #}), another tracepoint, or one of
 * trace-cmd's header lines ({@code version = 6}, {@code cpus=2}, {@code CPU 1 is empty}) and the
 * tracers' lost-event markers ({@code CPU:1 [LOST 12 EVENTS]}, {@code CPU:1 [12 EVENTS DROPPED]}),
 * the latter also reported as {@link Outcome#LOSS_MARKER}. Anything else is malformed and {@link
 * #reason()} says why. Parsing allocates nothing but the event and strings never seen before.
 */
final class TraceLineParser {

  /** What a line turned out to be. */
  enum Outcome {
    EVENT,
    SKIPPED,
    LOSS_MARKER,
    MALFORMED
  }

  private static final int MAX_INTERNED = 1 << 16;

  private final StringInterner strings = new StringInterner(MAX_INTERNED);
  private final KmemFields fields = new KmemFields(strings);

  private TraceEvent event;
  private String reason;

  private int pos;
  private int taskStart;
  private int taskEnd;
  private int pid;
  private int cpu;
  private long timestamp;

  /** The event of the last line that parsed as {@link Outcome#EVENT}. */
  TraceEvent event() {
    return event;
  }

  /** Why the last {@link Outcome#MALFORMED} line was rejected. */
  String reason() {
    return reason;
  }

  /** Parses {@code line[start, end)}, the text of line {@code lineNumber} without its newline. */
  Outcome parse(char[] line, int start, int end, long lineNumber) {
    while (end > start && isSpace(line[end - 1])) {
      end--;
    }
    int p = skipSpaces(line, start, end);
    if (p == end) {
      return malformed("empty line");
    }
    if (line[p] == '#') {
      return Outcome.SKIPPED;
    }
    int open = cpuField(line, p, end);
    if (open < 0) {
      return headerLine(line, p, end);
    }
    if (!taskAndPid(line, p, open) || !cpuAndTimestamp(line, open, end)) {
      return Outcome.MALFORMED;
    }
    int nameStart = skipSpaces(line, pos, end);
    int nameEnd = nameStart;
    while (nameEnd < end && line[nameEnd] != ':' && !isSpace(line[nameEnd])) {
      nameEnd++;
    }
    if (nameEnd == nameStart) {
      return malformed("no event name after the timestamp");
    }
    if (nameEnd == end || line[nameEnd] != ':') {
      return malformed("missing ':' after event name '" + text(line, nameStart, nameEnd) + "'");
    }
    Kind kind = kind(line, nameStart, nameEnd);
    if (kind == null) {
      return Outcome.SKIPPED;
    }
    if (!fields.scan(line, nameEnd + 1, end)) {
      return malformed(fields.reason());
    }
    String missing = fields.missing(kind.isAlloc());
    if (missing != null) {
      return malformed("missing field '" + missing + "'");
    }
    KmemFields f = fields;
    event =
        new TraceEvent(
            kind,
            cpu,
            timestamp,
            f.ptr,
            f.cacheName,
            f.bytesReq,
            f.bytesAlloc,
            f.gfpFlags,
            f.node,
            f.accounted,
            f.callSite,
            strings.intern(line, taskStart, taskEnd),
            pid,
            lineNumber);
    return Outcome.EVENT;
  }

  /** Reads {@code task-pid} from {@code line[start, open)}, where {@code open} is the cpu field. */
  private boolean taskAndPid(char[] line, int start, int open) {
    int dash = open - 1;
    while (isSpace(line[dash])) {
      dash--;
    }
    int pidEnd = dash + 1;
    while (dash > start && isDigit(line[dash])) {
      dash--;
    }
    if (dash == pidEnd - 1 || line[dash] != '-' || dash == start) {
      malformed("no task-pid before [cpu]");
      return false;
    }
    if (pidEnd - dash > 10) {
      malformed("pid out of range");
      return false;
    }
    taskStart = start;
    taskEnd = dash;
    pid = (int) decimal(line, dash + 1, pidEnd);
    return true;
  }

  /**
   * Reads {@code [cpu] [flags] seconds.fraction:} from {@code open}, leaving {@link #pos} after the
   * colon.
   */
  private boolean cpuAndTimestamp(char[] line, int open, int end) {
    int close = open + 1;
    while (line[close] != ']') {
      close++;
    }
    if (close - open > 7) {
      malformed("cpu number too long");
      return false;
    }
    cpu = (int) decimal(line, open + 1, close);
    int p = skipSpaces(line, close + 1, end);
    if (p < end && !isDigit(line[p])) {
      p = skipSpaces(line, skipToSpace(line, p, end), end);
    }
    if (p == end) {
      malformed("line ends before the timestamp");
      return false;
    }
    return timestamp(line, p, end);
  }

  /** Index of the first {@code '['} that opens {@code [digits]} after a space, or -1. */
  private static int cpuField(char[] line, int start, int end) {
    for (int i = start + 1; i < end; i++) {
      if (line[i] == '[' && isSpace(line[i - 1])) {
        int j = i + 1;
        while (j < end && isDigit(line[j])) {
          j++;
        }
        if (j > i + 1 && j < end && line[j] == ']') {
          return i;
        }
      }
    }
    return -1;
  }

  private Outcome headerLine(char[] line, int start, int end) {
    if (startsWith(line, start, end, "CPU:")
        && (contains(line, start, end, "EVENTS DROPPED]")
            || contains(line, start, end, " EVENTS]"))) {
      return Outcome.LOSS_MARKER;
    }
    if (startsWith(line, start, end, "cpus=")
        || startsWith(line, start, end, "version = ")
        || (startsWith(line, start, end, "CPU ") && contains(line, start, end, " is empty"))) {
      return Outcome.SKIPPED;
    }
    return malformed("no 'task-pid [cpu]' header");
  }

  /** Parses {@code seconds.fraction:} at {@code start} exactly into {@link #timestamp}. */
  private boolean timestamp(char[] line, int start, int end) {
    int p = start;
    long seconds = 0;
    while (p < end && isDigit(line[p]) && p - start < 9) {
      seconds = seconds * 10 + (line[p++] - '0');
    }
    if (p == end || line[p] != '.') {
      return badTimestamp(line, start, end);
    }
    int fractionStart = ++p;
    long fraction = 0;
    while (p < end && isDigit(line[p]) && p - fractionStart < 9) {
      fraction = fraction * 10 + (line[p++] - '0');
    }
    int digits = p - fractionStart;
    if (digits == 0) {
      return badTimestamp(line, start, end);
    }
    if (p == end || isSpace(line[p])) {
      malformed("missing ':' after timestamp '" + text(line, start, p) + "'");
      return false;
    }
    if (line[p] != ':') {
      return badTimestamp(line, start, end);
    }
    for (int i = digits; i < 9; i++) {
      fraction *= 10;
    }
    timestamp = seconds * 1_000_000_000L + fraction;
    pos = p + 1;
    return true;
  }

  private boolean badTimestamp(char[] line, int start, int end) {
    int e = start;
    while (e < end && !isSpace(line[e]) && line[e] != ':') {
      e++;
    }
    malformed("bad timestamp '" + text(line, start, e) + "'");
    return false;
  }

  private static Kind kind(char[] line, int start, int end) {
    switch (end - start) {
      case 5:
        return is(line, start, "kfree") ? Kind.KFREE : null;
      case 7:
        return is(line, start, "kmalloc") ? Kind.KMALLOC : null;
      case 12:
        return is(line, start, "kmalloc_node") ? Kind.KMALLOC : null;
      case 15:
        return is(line, start, "kmem_cache_free") ? Kind.CACHE_FREE : null;
      case 16:
        return is(line, start, "kmem_cache_alloc") ? Kind.CACHE_ALLOC : null;
      case 21:
        return is(line, start, "kmem_cache_alloc_node") ? Kind.CACHE_ALLOC : null;
      default:
        return null;
    }
  }

  private Outcome malformed(String why) {
    reason = why;
    return Outcome.MALFORMED;
  }
}
