package dev.slubsmo.xarray;

/** {@code xa_mark_t}: the three search marks every entry can carry. */
public enum XaMark {
  MARK_0,
  MARK_1,
  MARK_2;

  /** {@code XA_FREE_MARK}: in an allocating array, set on every free index. */
  public static final XaMark FREE = MARK_0;

  /** The mark numbered {@code n} (0..2), for callers that name marks by number. */
  public static XaMark of(int n) {
    if (n < 0 || n >= values().length) {
      throw new IllegalArgumentException("mark must be 0.." + (values().length - 1) + ", got " + n);
    }
    return values()[n];
  }
}
