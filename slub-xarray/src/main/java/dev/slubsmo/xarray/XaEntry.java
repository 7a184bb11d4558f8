package dev.slubsmo.xarray;

/**
 * XArray entry encoding (include/linux/xarray.h). The bottom two bits of a 64-bit entry say what it
 * is: {@code 00} a pointer, {@code x1} a value entry {@code (v << 1) | 1}, {@code 10} an internal
 * entry {@code (v << 2) | 2}. Internal entries above 4096 are node pointers ({@code node | 2}); 256
 * is the retry entry and 257 the zero (reserved) entry. 0 is {@code NULL}.
 */
public final class XaEntry {
  /** {@code XA_RETRY_ENTRY}: left in a slot of a node that is being freed. */
  public static final long RETRY = mkInternal(256);

  /** {@code XA_ZERO_ENTRY}: a reserved index; the normal API reads it as {@code NULL}. */
  public static final long ZERO = mkInternal(257);

  private XaEntry() {}

  /** {@code xa_mk_value}. */
  public static long mkValue(long v) {
    if (v < 0) {
      throw new IllegalArgumentException("xa_mk_value: value must be 0.." + Long.MAX_VALUE);
    }
    return (v << 1) | 1;
  }

  /** {@code xa_to_value}. */
  public static long toValue(long entry) {
    return entry >>> 1;
  }

  /** {@code xa_is_value}. */
  public static boolean isValue(long entry) {
    return (entry & 1) != 0;
  }

  /** {@code xa_mk_internal}. */
  static long mkInternal(long v) {
    return (v << 2) | 2;
  }

  /** {@code xa_is_internal}. */
  public static boolean isInternal(long entry) {
    return (entry & 3) == 2;
  }

  /** {@code xa_is_node}. */
  public static boolean isNode(long entry) {
    return isInternal(entry) && Long.compareUnsigned(entry, 4096) > 0;
  }

  /** {@code xa_mk_node}. */
  public static long mkNode(long node) {
    return node | 2;
  }

  /** {@code xa_to_node}. */
  public static long toNode(long entry) {
    return entry - 2;
  }

  /** {@code xa_is_zero}. */
  public static boolean isZero(long entry) {
    return entry == ZERO;
  }

  /** {@code xa_zero_to_null}. */
  static long zeroToNull(long entry) {
    return entry == ZERO ? 0 : entry;
  }

  /**
   * Whether the normal API may store {@code entry}: NULL, a pointer, a value entry or the zero
   * entry. Other internal entries belong to the XArray itself.
   */
  static boolean storable(long entry) {
    return !isInternal(entry) || entry == ZERO;
  }
}
