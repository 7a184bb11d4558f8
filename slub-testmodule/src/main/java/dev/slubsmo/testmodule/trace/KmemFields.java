package dev.slubsmo.testmodule.trace;

import static dev.slubsmo.testmodule.trace.TraceChars.decimal;
import static dev.slubsmo.testmodule.trace.TraceChars.isDigit;
import static dev.slubsmo.testmodule.trace.TraceChars.isSpace;
import static dev.slubsmo.testmodule.trace.TraceChars.skipSpaces;
import static dev.slubsmo.testmodule.trace.TraceChars.skipToSpace;
import static dev.slubsmo.testmodule.trace.TraceChars.spells;
import static dev.slubsmo.testmodule.trace.TraceChars.text;

/**
 * The {@code key=value} fields of one {@code kmem} tracepoint line, as its {@code TP_printk}
 * formats them (include/trace/events/kmem.h): {@code call_site}, {@code ptr}, {@code name}, {@code
 * bytes_req}, {@code bytes_alloc}, {@code gfp_flags}, {@code node}, {@code accounted}.
 *
 * <p>Fields are found by name in any order and unknown ones are ignored, so older kernels (no
 * {@code name}, {@code node} or {@code accounted}) and trace-cmd's rendering ({@code ptr=0x...},
 * numeric {@code gfp_flags}) read the same way. Absent optional fields read as: no name, node -1,
 * not accounted. A decimal value glued to the next field, as some libtraceevent versions print
 * {@code bytes_req=56bytes_alloc=64}, ends at its first non-digit.
 */
final class KmemFields {
  private static final int CALL_SITE = 1;
  private static final int PTR = 1 << 1;
  private static final int BYTES_REQ = 1 << 2;
  private static final int BYTES_ALLOC = 1 << 3;
  private static final int GFP_FLAGS = 1 << 4;
  private static final int FREE_FIELDS = CALL_SITE | PTR;
  private static final int ALLOC_FIELDS = FREE_FIELDS | BYTES_REQ | BYTES_ALLOC | GFP_FLAGS;

  private final StringInterner strings;
  private String reason;
  private int seen;

  String callSite;
  long ptr;
  String cacheName;
  long bytesReq;
  long bytesAlloc;
  String gfpFlags;
  int node;
  boolean accounted;

  KmemFields(StringInterner strings) {
    this.strings = strings;
  }

  /** Why the last {@link #scan} failed. */
  String reason() {
    return reason;
  }

  /** Scans the fields of {@code line[start, end)}; false, with a reason, when one is bad. */
  boolean scan(char[] line, int start, int end) {
    seen = 0;
    cacheName = null;
    bytesReq = 0;
    bytesAlloc = 0;
    gfpFlags = null;
    node = -1;
    accounted = false;
    int p = skipSpaces(line, start, end);
    while (p < end) {
      int keyStart = p;
      while (p < end && line[p] != '=' && !isSpace(line[p])) {
        p++;
      }
      if (p == end || line[p] != '=') {
        reason = "field without '=': '" + text(line, keyStart, p) + "'";
        return false;
      }
      p = value(line, keyStart, p, p + 1, end);
      if (p < 0) {
        return false;
      }
      p = skipSpaces(line, p, end);
    }
    return true;
  }

  /** The first field an allocation ({@code alloc}) or free needs that the line lacked, or null. */
  String missing(boolean alloc) {
    int lacking = (alloc ? ALLOC_FIELDS : FREE_FIELDS) & ~seen;
    if (lacking == 0) {
      return null;
    }
    if ((lacking & CALL_SITE) != 0) {
      return "call_site";
    }
    if ((lacking & PTR) != 0) {
      return "ptr";
    }
    if ((lacking & BYTES_REQ) != 0) {
      return "bytes_req";
    }
    return (lacking & BYTES_ALLOC) != 0 ? "bytes_alloc" : "gfp_flags";
  }

  /** Stores the value of one field and returns where the next field starts, or -1. */
  private int value(char[] line, int keyStart, int keyEnd, int start, int end) {
    int stop = skipToSpace(line, start, end);
    if (spells(line, keyStart, keyEnd, "call_site")) {
      callSite = strings.intern(line, start, stop);
      seen |= CALL_SITE;
    } else if (spells(line, keyStart, keyEnd, "ptr")) {
      if (!hexPointer(line, start, stop)) {
        return bad("ptr", line, start, stop);
      }
      seen |= PTR;
    } else if (spells(line, keyStart, keyEnd, "name")) {
      cacheName = strings.intern(line, start, stop);
    } else if (spells(line, keyStart, keyEnd, "gfp_flags")) {
      gfpFlags = strings.intern(line, start, stop);
      seen |= GFP_FLAGS;
    } else if (spells(line, keyStart, keyEnd, "accounted")) {
      if (spells(line, start, stop, "true")) {
        accounted = true;
      } else if (!spells(line, start, stop, "false")) {
        return bad("accounted", line, start, stop);
      }
    } else if (spells(line, keyStart, keyEnd, "bytes_req")) {
      int numberEnd = number(line, start, stop);
      if (numberEnd < 0) {
        return bad("bytes_req", line, start, stop);
      }
      bytesReq = decimal(line, start, numberEnd);
      seen |= BYTES_REQ;
      return numberEnd;
    } else if (spells(line, keyStart, keyEnd, "bytes_alloc")) {
      int numberEnd = number(line, start, stop);
      if (numberEnd < 0) {
        return bad("bytes_alloc", line, start, stop);
      }
      bytesAlloc = decimal(line, start, numberEnd);
      seen |= BYTES_ALLOC;
      return numberEnd;
    } else if (spells(line, keyStart, keyEnd, "node")) {
      boolean negative = start < stop && line[start] == '-';
      int digits = negative ? start + 1 : start;
      int numberEnd = number(line, digits, stop);
      long value = numberEnd < 0 ? Long.MAX_VALUE : decimal(line, digits, numberEnd);
      if (value > Integer.MAX_VALUE) {
        return bad("node", line, start, stop);
      }
      node = (int) (negative ? -value : value);
      return numberEnd;
    }
    return stop;
  }

  /**
   * End of the unsigned decimal number (at most 10 digits) at {@code start}: {@code stop}, or the
   * start of a {@code key=} glued to it; -1 when there is no number or other text follows it.
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
      if (c != '_' && (c < 'a' || c > 'z')) {
        return -1;
      }
    }
    return -1;
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
      int digit = hexDigit(line[i]);
      if (digit < 0) {
        return false;
      }
      value = (value << 4) | digit;
    }
    ptr = value;
    return true;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private int bad(String field, char[] line, int start, int end) {
    reason = "bad " + field + " value '" + text(line, start, end) + "'";
    return -1;
  }
}
