package dev.slubsmo.testmodule.trace;

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
 * has 1 to 9 digits and is converted to nanoseconds exactly. Fields are found by name, in any
 * order; unknown fields are ignored. A decimal value glued to the next field, as some libtraceevent
 * versions print {@code bytes_req=56bytes_alloc=64}, is split at the first non-digit.
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

  private static final char[] CALL_SITE = "call_site".toCharArray();
  private static final char[] PTR = "ptr".toCharArray();
  private static final char[] NAME = "name".toCharArray();
  private static final char[] BYTES_REQ = "bytes_req".toCharArray();
  private static final char[] BYTES_ALLOC = "bytes_alloc".toCharArray();
  private static final char[] GFP_FLAGS = "gfp_flags".toCharArray();
  private static final char[] NODE = "node".toCharArray();
  private static final char[] ACCOUNTED = "accounted".toCharArray();

  private static final int HAS_CALL_SITE = 1;
  private static final int HAS_PTR = 1 << 1;
  private static final int HAS_BYTES_REQ = 1 << 2;
  private static final int HAS_BYTES_ALLOC = 1 << 3;
  private static final int HAS_GFP_FLAGS = 1 << 4;
  private static final int FREE_FIELDS = HAS_CALL_SITE | HAS_PTR;
  private static final int ALLOC_FIELDS =
      FREE_FIELDS | HAS_BYTES_REQ | HAS_BYTES_ALLOC | HAS_GFP_FLAGS;

  private final StringInterner strings = new StringInterner(MAX_INTERNED);

  private TraceEvent event;
  private String reason;

  private int pos;
  private int seen;
  private String callSite;
  private long ptr;
  private String cacheName;
  private long bytesReq;
  private long bytesAlloc;
  private String gfpFlags;
  private int node;
  private boolean accounted;

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
    int taskStart = p;
    int open = cpuField(line, p, end);
    if (open < 0) {
      return headerLine(line, p, end);
    }
    int dash = open - 1;
    while (isSpace(line[dash])) {
      dash--;
    }
    int pidEnd = dash + 1;
    while (dash > taskStart && isDigit(line[dash])) {
      dash--;
    }
    if (dash == pidEnd - 1 || line[dash] != '-' || dash == taskStart) {
      return malformed("no task-pid before [cpu]");
    }
    if (pidEnd - dash > 10) {
      return malformed("pid out of range");
    }
    int pid = (int) decimal(line, dash + 1, pidEnd);
    int taskEnd = dash;
    int close = open + 1;
    while (line[close] != ']') {
      close++;
    }
    if (close - open > 7) {
      return malformed("cpu number too long");
    }
    int cpu = (int) decimal(line, open + 1, close);
    p = skipSpaces(line, close + 1, end);
    if (p < end && !isDigit(line[p])) {
      p = skipSpaces(line, skipToSpace(line, p, end), end);
    }
    if (p == end) {
      return malformed("line ends before the timestamp");
    }
    long timestamp = timestamp(line, p, end);
    if (timestamp < 0) {
      return Outcome.MALFORMED;
    }
    int nameStart = skipSpaces(line, pos + 1, end);
    int nameEnd = nameStart;
    while (nameEnd < end && line[nameEnd] != ':' && line[nameEnd] != ' ') {
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
    if (!fields(line, nameEnd + 1, end)) {
      return Outcome.MALFORMED;
    }
    int required = kind.isAlloc() ? ALLOC_FIELDS : FREE_FIELDS;
    if ((seen & required) != required) {
      return malformed("missing field '" + firstMissing(required & ~seen) + "'");
    }
    String task = strings.intern(line, taskStart, taskEnd);
    event =
        kind.isAlloc()
            ? new TraceEvent(
                kind,
                cpu,
                timestamp,
                ptr,
                cacheName,
                bytesReq,
                bytesAlloc,
                gfpFlags,
                node,
                accounted,
                callSite,
                task,
                pid,
                lineNumber)
            : new TraceEvent(
                kind,
                cpu,
                timestamp,
                ptr,
                cacheName,
                0,
                0,
                null,
                -1,
                false,
                callSite,
                task,
                pid,
                lineNumber);
    return Outcome.EVENT;
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

  /**
   * Parses {@code seconds.fraction:} at {@code start} into nanoseconds and leaves {@link #pos} at
   * the colon; on failure sets the reason and returns -1.
   */
  private long timestamp(char[] line, int start, int end) {
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
    if (p == end || line[p] == ' ') {
      malformed("missing ':' after timestamp '" + text(line, start, p) + "'");
      return -1;
    }
    if (line[p] != ':') {
      return badTimestamp(line, start, end);
    }
    for (int i = digits; i < 9; i++) {
      fraction *= 10;
    }
    pos = p;
    return seconds * 1_000_000_000L + fraction;
  }

  private long badTimestamp(char[] line, int start, int end) {
    int e = start;
    while (e < end && line[e] != ' ' && line[e] != ':') {
      e++;
    }
    malformed("bad timestamp '" + text(line, start, e) + "'");
    return -1;
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

  /** Scans the {@code key=value} fields of {@code line[start, end)}; false when one is bad. */
  private boolean fields(char[] line, int start, int end) {
    seen = 0;
    cacheName = null;
    node = -1;
    accounted = false;
    int p = skipSpaces(line, start, end);
    while (p < end) {
      int keyStart = p;
      while (p < end && line[p] != '=' && line[p] != ' ') {
        p++;
      }
      if (p == end || line[p] == ' ') {
        malformed("field without '=': '" + text(line, keyStart, p) + "'");
        return false;
      }
      int keyEnd = p++;
      p = value(line, keyStart, keyEnd, p, end);
      if (p < 0) {
        return false;
      }
      p = skipSpaces(line, p, end);
    }
    return true;
  }

  /** Stores the value of one field and returns where the next field starts, or -1. */
  private int value(char[] line, int keyStart, int keyEnd, int start, int end) {
    int stop = skipToSpace(line, start, end);
    if (key(line, keyStart, keyEnd, CALL_SITE)) {
      callSite = strings.intern(line, start, stop);
      seen |= HAS_CALL_SITE;
    } else if (key(line, keyStart, keyEnd, PTR)) {
      if (!hexPointer(line, start, stop)) {
        return badValue("ptr", line, start, stop);
      }
      seen |= HAS_PTR;
    } else if (key(line, keyStart, keyEnd, NAME)) {
      cacheName = strings.intern(line, start, stop);
    } else if (key(line, keyStart, keyEnd, GFP_FLAGS)) {
      gfpFlags = strings.intern(line, start, stop);
      seen |= HAS_GFP_FLAGS;
    } else if (key(line, keyStart, keyEnd, ACCOUNTED)) {
      if (stop - start == 4 && is(line, start, "true")) {
        accounted = true;
      } else if (stop - start != 5 || !is(line, start, "false")) {
        return badValue("accounted", line, start, stop);
      }
    } else if (key(line, keyStart, keyEnd, BYTES_REQ)) {
      int numberEnd = number(line, start, stop);
      if (numberEnd < 0) {
        return badValue("bytes_req", line, start, stop);
      }
      bytesReq = decimal(line, start, numberEnd);
      seen |= HAS_BYTES_REQ;
      return numberEnd;
    } else if (key(line, keyStart, keyEnd, BYTES_ALLOC)) {
      int numberEnd = number(line, start, stop);
      if (numberEnd < 0) {
        return badValue("bytes_alloc", line, start, stop);
      }
      bytesAlloc = decimal(line, start, numberEnd);
      seen |= HAS_BYTES_ALLOC;
      return numberEnd;
    } else if (key(line, keyStart, keyEnd, NODE)) {
      boolean negative = start < stop && line[start] == '-';
      int digits = negative ? start + 1 : start;
      int numberEnd = number(line, digits, stop);
      long value = numberEnd < 0 ? Long.MAX_VALUE : decimal(line, digits, numberEnd);
      if (value > Integer.MAX_VALUE) {
        return badValue("node", line, start, stop);
      }
      node = (int) (negative ? -value : value);
      return numberEnd;
    }
    return stop;
  }

  /**
   * End of the unsigned decimal number at {@code start}: either {@code stop}, or the start of a
   * {@code key=} glued to it; -1 when there is no number or other text follows it.
   */
  private static int number(char[] line, int start, int stop) {
    int p = start;
    while (p < stop && isDigit(line[p]) && p - start < 10) {
      p++;
    }
    if (p == start) {
      return -1;
    }
    if (p == stop) {
      return p;
    }
    for (int q = p; q < stop; q++) {
      char c = line[q];
      if (c == '=') {
        return q > p ? p : -1;
      }
      if (!(c == '_' || (c >= 'a' && c <= 'z'))) {
        return -1;
      }
    }
    return -1;
  }

  private static long decimal(char[] line, int start, int end) {
    long value = 0;
    for (int i = start; i < end; i++) {
      value = value * 10 + (line[i] - '0');
    }
    return value;
  }

  /** Stores the 1 to 16 hex digits of {@code line[start, end)}, optionally 0x-prefixed. */
  private boolean hexPointer(char[] line, int start, int end) {
    if (end - start > 2
        && line[start] == '0'
        && (line[start + 1] == 'x' || line[start + 1] == 'X')) {
      start += 2;
    }
    if (end == start || end - start > 16) {
      return false;
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      int digit = Character.digit(line[i], 16);
      if (digit < 0) {
        return false;
      }
      value = (value << 4) | digit;
    }
    ptr = value;
    return true;
  }

  private static String firstMissing(int missing) {
    if ((missing & HAS_CALL_SITE) != 0) {
      return "call_site";
    }
    if ((missing & HAS_PTR) != 0) {
      return "ptr";
    }
    if ((missing & HAS_BYTES_REQ) != 0) {
      return "bytes_req";
    }
    if ((missing & HAS_BYTES_ALLOC) != 0) {
      return "bytes_alloc";
    }
    return "gfp_flags";
  }

  private int badValue(String field, char[] line, int start, int end) {
    malformed("bad " + field + " value '" + text(line, start, end) + "'");
    return -1;
  }

  private Outcome malformed(String why) {
    reason = why;
    return Outcome.MALFORMED;
  }

  private static boolean key(char[] line, int start, int end, char[] key) {
    if (end - start != key.length) {
      return false;
    }
    for (int i = 0; i < key.length; i++) {
      if (line[start + i] != key[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean is(char[] line, int start, String word) {
    for (int i = 0; i < word.length(); i++) {
      if (line[start + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(char[] line, int start, int end, String prefix) {
    return end - start >= prefix.length() && is(line, start, prefix);
  }

  private static boolean contains(char[] line, int start, int end, String word) {
    for (int i = start; i + word.length() <= end; i++) {
      if (is(line, i, word)) {
        return true;
      }
    }
    return false;
  }

  private static String text(char[] line, int start, int end) {
    return new String(line, start, end - start);
  }

  private static int skipSpaces(char[] line, int p, int end) {
    while (p < end && isSpace(line[p])) {
      p++;
    }
    return p;
  }

  private static int skipToSpace(char[] line, int p, int end) {
    while (p < end && !isSpace(line[p])) {
      p++;
    }
    return p;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
