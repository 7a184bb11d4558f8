package dev.slubsmo.testmodule.slabinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code store_size()}: SI steps, one truncated decimal, or full bytes with {@code -B}. */
class SlabSizeFormatTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0",
    "1000, 1000",
    "1001, 1.0K",
    "49152, 49.1K",
    "1000000, 1000.0K",
    "1000001, 1.0M",
    "41037824, 41.0M",
    "1000000001, 1.0G",
    "-1, 18446744073.7G"
  })
  void scalesLargeValues(long value, String expected) {
    assertEquals(expected, SlabSizeFormat.storeSize(value, false));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"41037824, 41037824", "-1, -1"})
  void bytesAreShownInFullAsSignedLongs(long value, String expected) {
    assertEquals(expected, SlabSizeFormat.storeSize(value, true));
  }
}
