package dev.slubsmo.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code memchr_inv} over simulated frames. */
class PhysicalMemoryTest {
  private static final int ORDER = 1;

  private final PageAllocator pages = new PageAllocator(MachineConfig.defaults());
  private final PhysicalMemory mem = pages.memory();
  private final long base = PhysicalMemory.pfnToAddress(pages.allocPages(ORDER, 0, false));
  private final long bytes = (long) PageAllocator.PAGE_SIZE << ORDER;

  @Test
  void findMismatchIsZeroWhenEveryByteMatches() {
    mem.fill(base, bytes, (byte) 0x5a);
    assertEquals(0, mem.findMismatch(base, bytes, (byte) 0x5a));
  }

  @Test
  void findMismatchFindsTheFirstDifferentByteAcrossAFrameBoundary() {
    mem.fill(base, bytes, (byte) 0x6b);
    long second = base + PageAllocator.PAGE_SIZE + 3;
    mem.writeByte(second, (byte) 0);
    mem.writeByte(second + 10, (byte) 0);
    long start = base + PageAllocator.PAGE_SIZE - 5;
    assertEquals(second, mem.findMismatch(start, 100, (byte) 0x6b));
  }

  @Test
  void findMismatchLooksOnlyInsideTheRange() {
    mem.fill(base, bytes, (byte) 0x6b);
    mem.writeByte(base + 20, (byte) 1);
    assertEquals(0, mem.findMismatch(base, 20, (byte) 0x6b));
    assertEquals(base + 20, mem.findMismatch(base, 21, (byte) 0x6b));
  }

  @Test
  void findMismatchFaultsWhereTheRangeRunsIntoAFreeFrame() {
    mem.fill(base, bytes, (byte) 0);
    MemoryFault f =
        assertThrows(MemoryFault.class, () -> mem.findMismatch(base, bytes + 1, (byte) 0));
    assertEquals(base + bytes, f.address());
  }
}
