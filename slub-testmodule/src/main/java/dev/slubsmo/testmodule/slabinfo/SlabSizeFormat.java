package dev.slubsmo.testmodule.slabinfo;

/**
 * Mirrors {@code store_size()}: above 1000, 10^6 or 10^9 a value is shown in K, M or G with one
 * decimal (truncated, and with SI steps of 1000); with {@code -B} it is shown in full.
 */
final class SlabSizeFormat {
  private SlabSizeFormat() {}

  /** Formats the unsigned 64-bit {@code value}. */
  static String storeSize(long value, boolean showBytes) {
    long divisor = 1;
    char trailer = 0;
    if (!showBytes) {
      if (Long.compareUnsigned(value, 1_000_000_000L) > 0) {
        divisor = 100_000_000L;
        trailer = 'G';
      } else if (Long.compareUnsigned(value, 1_000_000L) > 0) {
        divisor = 100_000L;
        trailer = 'M';
      } else if (Long.compareUnsigned(value, 1000L) > 0) {
        divisor = 100;
        trailer = 'K';
      }
    }
    String digits = Long.toString(Long.divideUnsigned(value, divisor));
    if (trailer == 0) {
      return digits;
    }
    int last = digits.length() - 1;
    return digits.substring(0, last) + '.' + digits.charAt(last) + trailer;
  }
}
