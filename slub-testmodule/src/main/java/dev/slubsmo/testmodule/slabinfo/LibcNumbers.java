package dev.slubsmo.testmodule.slabinfo;

/**
 * The C library conversions {@code slabinfo} relies on, with glibc's edge cases: leading white
 * space, an optional sign, saturation on overflow, and unsigned 64-bit wrap-around.
 */
final class LibcNumbers {
  private LibcNumbers() {}

  /** A number parsed by {@link #strtoul} and the index just past its last digit. */
  record Parsed(long value, int end) {}

  /** Mirrors glibc {@code strtoul(s + from, &end, 10)}; the value holds unsigned 64-bit bits. */
  static Parsed strtoul(String s, int from) {
    int i = skipSpace(s, from);
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    int digits = i;
    long value = 0;
    boolean overflow = false;
    while (i < s.length() && isDigit(s.charAt(i))) {
      int digit = s.charAt(i) - '0';
      if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, 10)) > 0) {
        overflow = true;
      }
      value = value * 10 + digit;
      i++;
    }
    if (i == digits) {
      return new Parsed(0, from);
    }
    if (overflow) {
      return new Parsed(-1L, i);
    }
    return new Parsed(negative ? -value : value, i);
  }

  /** Mirrors glibc {@code atol(s)}: {@code strtol} saturating at the signed 64-bit limits. */
  static long atol(String s) {
    int i = skipSpace(s, 0);
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long value = 0;
    for (; i < s.length() && isDigit(s.charAt(i)); i++) {
      int digit = s.charAt(i) - '0';
      if (value > (Long.MAX_VALUE - digit) / 10) {
        return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  /** Mirrors glibc {@code atoi(s)}: {@code (int) strtol(s, NULL, 10)}. */
  static int atoi(String s) {
    return (int) atol(s);
  }

  /** Mirrors {@code strcasecmp} in the C locale: ASCII letters compare folded to lower case. */
  static int strcasecmp(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      int d = lower(a.charAt(i)) - lower(b.charAt(i));
      if (d != 0) {
        return d;
      }
    }
    return a.length() - b.length();
  }

  /** An {@code unsigned int} widened to {@code unsigned long}. */
  static long u32(int value) {
    return Integer.toUnsignedLong(value);
  }

  private static int lower(char c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int skipSpace(String s, int from) {
    int i = from;
    while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }
}
