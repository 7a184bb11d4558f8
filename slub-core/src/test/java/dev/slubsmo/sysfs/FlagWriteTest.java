package dev.slubsmo.sysfs;

import static dev.slubsmo.sysfs.Boot.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Sizing;
import dev.slubsmo.slab.SlabFlags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stores of the flag attributes: first character 1 sets, anything else clears. */
class FlagWriteTest {
  private final Machine m = Boot.plain();
  private final SysfsTree sysfs = Boot.sysfs(m);
  private final KmemCache s = m.slub().createCache("flagged", 56, 0, 0, (mem, p) -> {});

  private void write(String attribute, String value) {
    sysfs.write(path("flagged", attribute), value);
  }

  private boolean has(int flag) {
    return (s.flags() & flag) != 0;
  }

  private Errno failedWrite(String attribute, String value) {
    return assertThrows(SysfsException.class, () -> write(attribute, value)).errno();
  }

  @Test
  void redZoneOnEmptyCacheSetsFlagAndRecomputesSize() {
    int expected =
        Sizing.calculateSizes(
                s.objectSize(),
                s.align(),
                s.flags() | SlabFlags.RED_ZONE,
                true,
                -1,
                -1,
                m.slub().params())
            .size();
    write("red_zone", "1\n");
    assertEquals(true, has(SlabFlags.RED_ZONE));
    assertEquals(expected, s.size());
    assertEquals(expected + "\n", sysfs.read(path("flagged", "slab_size")));
  }

  @Test
  void anythingButOneClearsAFlag() {
    write("red_zone", "1");
    write("red_zone", "x");
    assertEquals(false, has(SlabFlags.RED_ZONE));
  }

  @Test
  void redZoneWithObjectsIsEbusyAndChangesNothing() {
    Boot.alloc(m, s, 0, 1);
    int size = s.size();
    int flags = s.flags();
    assertEquals(Errno.EBUSY, failedWrite("red_zone", "1"));
    assertEquals(size, s.size());
    assertEquals(flags, s.flags());
  }

  @Test
  void anEmptySlabStillMakesPoisonEbusy() {
    List<Long> objs = Boot.alloc(m, s, 0, 1);
    s.free(m.cpu(0), objs.get(0));
    s.flushAll();
    assertEquals(Errno.EBUSY, failedWrite("poison", "1"));
  }

  @Test
  void storeUserDropsCmpxchgDouble() {
    write("store_user", "1");
    assertEquals(true, has(SlabFlags.STORE_USER));
    assertEquals(false, has(SlabFlags.CMPXCHG_DOUBLE));
  }

  @Test
  void sanityChecksOffDoesNotRestoreCmpxchgDouble() {
    write("sanity_checks", "1");
    write("sanity_checks", "0");
    assertEquals(false, has(SlabFlags.CONSISTENCY_CHECKS));
    assertEquals(false, has(SlabFlags.CMPXCHG_DOUBLE));
  }

  @Test
  void sanityChecksLeavesCpuPartialAlone() {
    int cpuPartial = s.cpuPartial();
    write("sanity_checks", "1");
    assertEquals(cpuPartial, s.cpuPartial());
  }

  @Test
  void sanityChecksNeedsNoEmptyCache() {
    Boot.alloc(m, s, 0, 1);
    write("sanity_checks", "1");
    assertEquals(true, has(SlabFlags.CONSISTENCY_CHECKS));
  }

  @Test
  void traceOnMergedCacheIsEinval() {
    KmemCache merged = m.slub().createCache("merged", 64, 0, 0, null);
    m.slub().createCache("alias", 64, 0, 0, null);
    int flags = merged.flags();
    SysfsException e =
        assertThrows(SysfsException.class, () -> sysfs.write(path("alias", "trace"), "1"));
    assertEquals(Errno.EINVAL, e.errno());
    assertEquals(flags, merged.flags());
  }

  @Test
  void traceOnUnmergedCacheSetsFlagAndDropsCmpxchg() {
    write("trace", "1");
    assertEquals(true, has(SlabFlags.TRACE));
    assertEquals(false, has(SlabFlags.CMPXCHG_DOUBLE));
  }

  @Test
  void failslabOnMergedCacheIsEinval() {
    m.slub().createCache("merged", 64, 0, 0, null);
    m.slub().createCache("alias", 64, 0, 0, null);
    SysfsException e =
        assertThrows(SysfsException.class, () -> sysfs.write(path("merged", "failslab"), "1"));
    assertEquals(Errno.EINVAL, e.errno());
  }

  @Test
  void failslabOnUnmergedCacheSetsFlag() {
    write("failslab", "1");
    assertEquals(true, has(SlabFlags.FAILSLAB));
  }

  @Test
  void reclaimAccountTogglesOnlyTheFlag() {
    write("reclaim_account", "1");
    assertEquals(true, has(SlabFlags.RECLAIM_ACCOUNT));
    write("reclaim_account", "0");
    assertEquals(false, has(SlabFlags.RECLAIM_ACCOUNT));
  }

  @Test
  void poisonOffKeepsStaleOffsetInKernelFidelity() {
    Machine k = new Machine(MachineConfig.defaults(), Boot.fzpu().withKernelFidelity(true));
    KmemCache c = k.slub().createCache("plain_debug", 56, 0, 0, null);
    int offset = c.offset();
    Boot.sysfs(k).write(path("plain_debug", "poison"), "0");
    assertEquals(true, offset != 0);
    assertEquals(offset, c.offset());
  }

  @Test
  void poisonOffResetsOffsetInStrictMode() {
    Machine d = Boot.debug();
    KmemCache c = d.slub().createCache("plain_debug", 56, 0, 0, null);
    Boot.sysfs(d).write(path("plain_debug", "poison"), "0");
    assertEquals(0, c.offset());
  }

  @Test
  void redZoneOffOnFzpuCacheShrinksTheSlot() {
    Machine d = Boot.debug();
    KmemCache c = d.slub().createCache("plain_debug", 56, 0, 0, null);
    int before = c.size();
    Boot.sysfs(d).write(path("plain_debug", "red_zone"), "0");
    assertEquals(true, c.size() < before);
    assertEquals(0, c.redLeftPad());
  }
}
