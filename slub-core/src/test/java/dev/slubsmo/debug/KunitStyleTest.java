package dev.slubsmo.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.SlabFlags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slub_kunit cases of spec 10.6: each clobber gives one BUG report and one FIX line. */
class KunitStyleTest {
  private final Machine m = Machine.boot();
  private final Cpu cpu = m.cpu(0);
  private final PhysicalMemory mem = m.pages().memory();

  /** Errors as slub_kunit counts them: BUG reports plus FIX lines since {@code from}. */
  private int errorsSince(int from) {
    List<String> lines = m.log().linesFrom(from);
    return (int) lines.stream().filter(l -> l.startsWith("BUG ") || l.startsWith("FIX ")).count();
  }

  private KmemCache cache(String name, int flags) {
    return m.slub().createCache(name, 64, 0, flags, null, 0, -1);
  }

  @Test
  void clobberedRedZoneOfLiveObjectGivesTwoErrors() {
    KmemCache s = cache("TestSlub_RZ_alloc", SlabFlags.RED_ZONE);
    long p = s.alloc(cpu, Gfp.KERNEL);
    mem.writeByte(p + 64, (byte) 0x12);
    int from = m.log().size();
    Validate.validateSlabCache(s);
    assertEquals(2, errorsSince(from));
    assertTrue(m.log().linesFrom(from).get(1).startsWith("BUG TestSlub_RZ_alloc"));
  }

  @Test
  void corruptedNextPointerGivesThreeThenTwoThenNone() {
    KmemCache s = cache("TestSlub_next_ptr_free", SlabFlags.POISON);
    long p = s.alloc(cpu, Gfp.KERNEL);
    s.free(cpu, p);
    long fp = p + s.offset();
    long saved = mem.readLong(fp);
    mem.writeByte(fp, (byte) 0x12);
    int from = m.log().size();
    Validate.validateSlabCache(s);
    assertEquals(3, errorsSince(from));
    mem.writeLong(fp, saved);
    from = m.log().size();
    Validate.validateSlabCache(s);
    assertEquals(2, errorsSince(from));
    from = m.log().size();
    Validate.validateSlabCache(s);
    assertEquals(0, errorsSince(from));
  }

  @Test
  void firstWordWrittenAfterFreeGivesTwoErrors() {
    KmemCache s = cache("TestSlub_1th_word_free", SlabFlags.POISON);
    long p = s.alloc(cpu, Gfp.KERNEL);
    s.free(cpu, p);
    mem.writeByte(p, (byte) 0x78);
    int from = m.log().size();
    Validate.validateSlabCache(s);
    assertEquals(2, errorsSince(from));
  }

  @Test
  void fiftiethByteWrittenAfterFreeGivesTwoErrors() {
    KmemCache s = cache("TestSlub_50th_word_free", SlabFlags.POISON);
    long p = s.alloc(cpu, Gfp.KERNEL);
    s.free(cpu, p);
    mem.writeByte(p + 50, (byte) 0x9a);
    int from = m.log().size();
    Validate.validateSlabCache(s);
    assertEquals(2, errorsSince(from));
  }

  @Test
  void redZoneWrittenAfterFreeGivesTwoErrors() {
    KmemCache s = cache("TestSlub_RZ_free", SlabFlags.RED_ZONE);
    long p = s.alloc(cpu, Gfp.KERNEL);
    s.free(cpu, p);
    mem.writeByte(p + 64, (byte) 0xab);
    int from = m.log().size();
    Validate.validateSlabCache(s);
    assertEquals(2, errorsSince(from));
  }

  @Test
  void doubleFreeIsCaughtAndLeaked() {
    KmemCache s = cache("TestSlub_double", SlabFlags.CONSISTENCY_CHECKS | SlabFlags.POISON);
    long p = s.alloc(cpu, Gfp.KERNEL);
    s.free(cpu, p);
    int from = m.log().size();
    s.free(cpu, p);
    List<String> lines = m.log().linesFrom(from);
    assertTrue(
        lines.contains("BUG TestSlub_double (Tainted: G    B): Object already free"),
        lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("FIX TestSlub_double: Object at ")));
  }

  @Test
  void writeAfterFreeIsCaughtOnTheNextAllocation() {
    KmemCache s = cache("TestSlub_uaf", SlabFlags.CONSISTENCY_CHECKS | SlabFlags.POISON);
    long p = s.alloc(cpu, Gfp.KERNEL);
    s.free(cpu, p);
    mem.writeByte(p + 10, (byte) 0x00);
    int from = m.log().size();
    long q = s.alloc(cpu, Gfp.KERNEL);
    List<String> lines = m.log().linesFrom(from);
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("Poison overwritten")), lines.toString());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("FIX TestSlub_uaf: Marking all objects used")));
    assertTrue(q != p);
  }

  @Test
  void reportStartsWithTheKernelBanner() {
    KmemCache s = cache("TestSlub_banner", SlabFlags.RED_ZONE);
    long p = s.alloc(cpu, Gfp.KERNEL);
    mem.writeByte(p - 1, (byte) 0);
    int from = m.log().size();
    Validate.validateSlabCache(s);
    List<String> r = m.log().linesFrom(from);
    assertEquals("=".repeat(77), r.get(0));
    assertEquals("BUG TestSlub_banner (Tainted: G    B): Redzone overwritten", r.get(1));
    assertEquals("-".repeat(77), r.get(2));
    assertEquals("", r.get(3));
    assertTrue(r.get(4).startsWith("INFO: 0x"), r.get(4));
    assertTrue(r.get(4).endsWith("First byte 0x0 instead of 0xcc"), r.get(4));
  }
}
