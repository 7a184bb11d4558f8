package dev.slubsmo.sysfs;

/**
 * The kernel's base-10 string-to-integer conversions (lib/kstrtox.c): {@code kstrtoull}/{@code
 * kstrtoul} (64-bit), {@code kstrtouint}, {@code kstrtoll}/{@code kstrtol} and {@code kstrtoint}.
 *
 * <p>Grammar: an optional sign ({@code +} for the unsigned forms; {@code +} or {@code -} for the
 * signed ones, never both), at least one decimal digit, at most one trailing newline, nothing else.
 * Overflow is {@code -ERANGE} even when garbage follows; any other failure is {@code -EINVAL}.
 * Unsigned 64-bit results are returned in a {@code long}, to be compared unsigned.
 */
final class Kstrtox {
  private Kstrtox() {}

  /** {@code kstrtoull(s, 10, &res)}, also {@code kstrtoul} on a 64-bit kernel. */
  static long kstrtoull(String s) {
    return parseUnsigned(s.startsWith("+") ? s.substring(1) : s);
  }

  /** {@code kstrtouint}: as {@link #kstrtoull}, {@code -ERANGE} above {@code UINT_MAX}. */
  static long kstrtouint(String s) {
    long v = kstrtoull(s);
    if (Long.compareUnsigned(v, 0xffffffffL) > 0) {
      throw new AttributeError(Errno.ERANGE, Long.toUnsignedString(v) + " exceeds UINT_MAX");
    }
    return v;
  }

  /** {@code kstrtoll}, also {@code kstrtol} on a 64-bit kernel. */
  static long kstrtoll(String s) {
    if (s.startsWith("-")) {
      long v = parseUnsigned(s.substring(1));
      if (-v > 0) {
        throw new AttributeError(Errno.ERANGE, s.trim() + " is below LLONG_MIN");
      }
      return -v;
    }
    long v = kstrtoull(s);
    if (v < 0) {
      throw new AttributeError(Errno.ERANGE, s.trim() + " exceeds LLONG_MAX");
    }
    return v;
  }

  /** {@code kstrtoint}. */
  static int kstrtoint(String s) {
    long v = kstrtoll(s);
    if (v != (int) v) {
      throw new AttributeError(Errno.ERANGE, v + " is outside the range of int");
    }
    return (int) v;
  }

  /** {@code _kstrtoull}: digits with overflow detection, one optional newline, then the end. */
  private static long parseUnsigned(String s) {
    long res = 0;
    boolean overflow = false;
    int i = 0;
    for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
      int d = s.charAt(i) - '0';
      if (Long.compareUnsigned(res, Long.divideUnsigned(-1L - d, 10)) > 0) {
        overflow = true;
      }
      res = res * 10 + d;
    }
    if (overflow) {
      throw new AttributeError(Errno.ERANGE, "number exceeds 64 bits");
    }
    if (i == 0) {
      throw new AttributeError(Errno.EINVAL, "not a decimal number");
    }
    if (i < s.length() && s.charAt(i) == '\n') {
      i++;
    }
    if (i < s.length()) {
      throw new AttributeError(Errno.EINVAL, "trailing characters after the number");
    }
    return res;
  }
}
