package dev.slubsmo.testmodule.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.MachineConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmoTestModuleTest {
  private final Machine m =
      new Machine(
          MachineConfig.defaults(),
          MachineOptions.defaults().withSlubDebug(SlubDebugOption.parse(null)));
  private final Cpu cpu = m.cpu(0);
  private final SmoTestModule mod = SmoTestModule.load(m, false, cpu);

  @Test
  void loadLogsTheModuleMessages() {
    assertEquals(
        List.of(
            "smo: Created kmem_cache: smo_test",
            "smo: Created debugfs directory: /sys/kernel/debug/smo",
            "smo: Test module loaded"),
        m.log().lines());
  }

  @Test
  void objectIs56BytesIn392ByteDebugSlots() {
    assertEquals(56, mod.cache().objectSize());
    assertEquals(392, mod.cache().size());
    assertEquals(20, mod.cache().objsPerSlab());
  }

  @Test
  void allocAppendsWithFreshIds() {
    mod.alloc(cpu, 3, -1);
    assertEquals(List.of(0L, 1L, 2L), mod.ids());
  }

  @Test
  void freeStartsAtPosition() {
    mod.alloc(cpu, 5, -1);
    mod.free(cpu, 2, 1);
    assertEquals(List.of(0L, 3L, 4L), mod.ids());
  }

  @Test
  void freeZeroFreesToTheEnd() {
    mod.alloc(cpu, 5, -1);
    mod.free(cpu, 0, 2);
    assertEquals(List.of(0L, 1L), mod.ids());
  }

  @Test
  void testCommandPassesOnAHealthyModel() {
    assertEquals(0, mod.test(cpu, 1000, 10).value());
    assertTrue(m.log().lines().contains("smo: Module tests completed successfully"));
    assertEquals(0, mod.cache().node(0).nrSlabs());
  }

  @Test
  void testCommandPassesAfterObjectsWereFreed() {
    mod.alloc(cpu, 21, -1);
    mod.free(cpu, 0, 0);
    assertEquals(0, mod.test(cpu, 100, 10).value());
  }

  @Test
  void testCommandNeedsCleanState() {
    mod.alloc(cpu, 1, -1);
    assertEquals(-1, mod.test(cpu, 10, 2).value());
    assertTrue(m.log().lines().contains("smo: test requires clean module state"));
  }

  @Test
  void testCommandRejectsKeepZero() {
    assertEquals(-1, mod.test(cpu, 10, 0).value());
    assertTrue(m.log().lines().contains("Usage: test <nr_objs> <keep>"));
  }

  @Test
  void strictCheckFindsALostObject() {
    mod.alloc(cpu, 4, -1);
    long lost = mod.objects().get(1);
    ListHead.del(m.pages().memory(), lost);
    java.util.Set<Long> expect = java.util.Set.of(0L, 1L, 2L, 3L);
    assertTrue(!mod.check(4, 1, expect));
    assertTrue(m.log().lines().contains("smo: objects missing: found 3, expected 4"));
  }

  @Test
  void strictCheckFindsACorruptedPayload() {
    mod.alloc(cpu, 2, -1);
    m.pages().memory().writeByte(mod.objects().get(0) + SmoTestModule.BUF, (byte) 1);
    assertTrue(!mod.check(2, 1, java.util.Set.of(0L, 1L)));
  }

  @Test
  void movableShrinkKeepsEveryIdAndPayload() {
    mod.alloc(cpu, 21, -1);
    mod.free(cpu, 1, 0);
    mod.enable();
    mod.shrink(cpu);
    assertEquals(1, mod.cache().node(0).nrSlabs());
    assertEquals(20, mod.ids().stream().distinct().count());
    for (long p : mod.objects()) {
      assertTrue(mod.payloadIntact(p));
    }
  }
}
