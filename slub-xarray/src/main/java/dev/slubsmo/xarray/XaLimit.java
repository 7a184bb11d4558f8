package dev.slubsmo.xarray;

/**
 * {@code struct xa_limit}: the inclusive range of IDs {@code xa_alloc} may hand out. Both ends are
 * {@code u32}. A range with {@code min > max} is legal and, as in the kernel, has no free ID.
 */
public record XaLimit(long min, long max) {
  public static final long UINT_MAX = 0xffff_ffffL;

  /** {@code xa_limit_32b}. */
  public static final XaLimit LIMIT_32B = new XaLimit(0, UINT_MAX);

  /** {@code xa_limit_31b}. */
  public static final XaLimit LIMIT_31B = new XaLimit(0, Integer.MAX_VALUE);

  public XaLimit {
    if (min < 0 || min > UINT_MAX) {
      throw new IllegalArgumentException("xa_limit min must be a u32, got " + min);
    }
    if (max < 0 || max > UINT_MAX) {
      throw new IllegalArgumentException("xa_limit max must be a u32, got " + max);
    }
  }
}
