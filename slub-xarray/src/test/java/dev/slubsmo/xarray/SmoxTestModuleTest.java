package dev.slubsmo.xarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.FaultAttr;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.smo.NumaMove;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The XArray test module {@code smox_test} (spec testmodule-and-suite.md 2). */
class SmoxTestModuleTest {
  private final Machine m = Machine.boot();
  private final Cpu cpu = m.cpu(0);
  private final SmoxTestModule smox = SmoxTestModule.load(m, cpu);
  private final XArray things = smox.things();

  private static long[] survivors() {
    return LongStream.range(0, SmoxTestModule.NR_ITEMS)
        .filter(i -> i % SmoxTestModule.KEEP == 0)
        .toArray();
  }

  private List<Long> indices() {
    List<Long> out = new ArrayList<>();
    things.forEach((index, entry) -> out.add(index));
    return out;
  }

  private long id(long thing) {
    return m.slub().memory().readLong(thing + SmoxTestModule.ID);
  }

  @Test
  void loadLogsTheModulesLinesInOrder() {
    assertEquals(
        List.of(
            "smo_xarray: created kmem_cache: smox_test",
            "smo_xarray: kmem_cache smox_test defrag enabled",
            "smo_xarray: module loaded successfully"),
        m.log().lines());
    assertEquals(0, smox.loadStatus());
  }

  @Test
  void specFiguresFollowFromTheAlgorithm() {
    long[] kept = survivors();
    assertEquals(1667, kept.length);
    assertEquals(161, XaFixture.nodesFor(kept));
    assertEquals(157, LongStream.of(kept).map(i -> i >>> 6).distinct().count());
    assertEquals(3, LongStream.of(kept).map(i -> i >>> 12).distinct().count());
  }

  @Test
  void loadLeavesEveryKeepthThingAtItsIndex() {
    assertEquals(LongStream.of(survivors()).boxed().toList(), indices());
    things.forEach((index, entry) -> assertEquals(index, id(entry)));
    assertEquals(survivors().length, XaFixture.liveObjects(smox.cache()));
  }

  @Test
  void theEraseFreesNoNodeBecauseEveryLeafKeepsAThing() {
    long all = XaFixture.nodesFor(LongStream.range(0, SmoxTestModule.NR_ITEMS).toArray());
    assertEquals(all, XaFixture.nodesFor(survivors()));
    assertEquals(all, things.check().nodes());
    XArrayCache.of(m).rcuBarrier(cpu);
    assertEquals(all, XaFixture.liveObjects(XArrayCache.of(m).cache()));
  }

  @Test
  void debugShrinkPacksTheSurvivorsIntoFullSlabsAndOnePartial() {
    Machine d =
        new Machine(
            MachineConfig.defaults(),
            MachineOptions.defaults().withSlubDebug(SlubDebugOption.parse(null)));
    Cpu c = d.cpu(0);
    SmoxTestModule dm = SmoxTestModule.load(d, c);
    KmemCache s = dm.cache();
    int ops = s.objsPerSlab();
    assertEquals(23, ops);
    long slabs = (SmoxTestModule.NR_ITEMS + ops - 1) / ops;
    assertEquals(slabs, s.node(0).nrSlabs());
    assertEquals(slabs, s.node(0).nrPartial());
    s.shrink(c);
    long kept = survivors().length;
    assertEquals(kept / ops, s.node(0).full().size());
    assertEquals(1, s.node(0).nrPartial());
    assertEquals(kept % ops, s.node(0).partial().head().inuse());
    assertEquals(0, dm.check());
  }

  @Test
  void shrinkMovesThingsAndKeepsEveryIdAtItsIndex() {
    long before = smox.cache().node(0).nrSlabs();
    smox.cache().shrink(cpu);
    assertTrue(smox.cache().node(0).nrSlabs() < before);
    assertEquals(0, smox.check());
    assertEquals(LongStream.of(survivors()).boxed().toList(), indices());
    assertEquals(survivors().length, XaFixture.liveObjects(smox.cache()));
  }

  @Test
  void migrateHonoursTheTargetNode() {
    Machine two =
        new Machine(
            new MachineConfig(2, 2, 256L << 20),
            MachineOptions.defaults().withSlubDebug(SlubDebugOption.parse(null)));
    Cpu c = two.cpu(0);
    SmoxTestModule tm = SmoxTestModule.load(two, c);
    NumaMove.move(tm.cache(), c, 0, 1);
    tm.things()
        .forEach((index, entry) -> assertEquals(1, two.slub().memory().addressToNode(entry)));
    assertEquals(0, tm.cache().node(0).nrSlabs());
    assertEquals(0, tm.check());
  }

  @Test
  void migrateAllocationFailureLogsAndMovesNothing() {
    long[] before = things.nodes();
    List<Long> entries = new ArrayList<>();
    things.forEach((index, entry) -> entries.add(entry));
    smox.cache().setFailslab(new FaultAttr(100, 1, -1));
    smox.cache().shrink(cpu);
    smox.cache().setFailslab(null);
    assertTrue(m.log().lines().contains(SmoxMigrate.ALLOC_FAILED));
    List<Long> after = new ArrayList<>();
    things.forEach((index, entry) -> after.add(entry));
    assertEquals(entries, after);
    assertEquals(before.length, things.nodes().length);
    assertEquals(0, smox.check());
  }

  @Test
  void storeCreatesThingsWithTheirIndexAsId() {
    assertEquals(0, smox.store(cpu, 100_001, 3));
    for (long i = 100_001; i < 100_004; i++) {
      assertEquals(i, id(things.load(i)));
    }
    assertEquals(0, smox.check());
  }

  @Test
  void storeOverAThingFreesTheOldOne() {
    long live = XaFixture.liveObjects(smox.cache());
    long old = things.load(6);
    assertEquals(0, smox.store(cpu, 6, 1));
    assertTrue(things.load(6) != old);
    assertEquals(live, XaFixture.liveObjects(smox.cache()));
  }

  @Test
  void eraseFreesTheThingsInRangeAndSkipsHoles() {
    assertEquals(0, smox.erase(cpu, 0, 100));
    assertEquals(0, things.load(96));
    assertEquals(102, things.find(0, -1).index());
    assertEquals(survivors().length - 17, XaFixture.liveObjects(smox.cache()));
  }

  @Test
  void markAndClearTouchOnlyThingsInRange() {
    assertEquals(0, smox.mark(0, 13, 2));
    assertTrue(things.getMark(0, XaMark.MARK_2));
    assertTrue(things.getMark(12, XaMark.MARK_2));
    assertFalse(things.getMark(18, XaMark.MARK_2));
    assertEquals(0, smox.clear(12, 1, 2));
    assertFalse(things.getMark(12, XaMark.MARK_2));
    assertTrue(things.getMark(0, XaMark.MARK_2));
  }

  @Test
  void checkReportsAThingWhoseIdDiffersFromItsIndex() {
    m.slub().memory().writeLong(things.load(60) + SmoxTestModule.ID, 61);
    assertEquals(SmoxTestModule.CHECK_FAILED, smox.check());
    assertTrue(m.log().lines().contains("smox: error; got 61 want 60 at 60"));
  }

  @Test
  void storeFailureIsEnomemWithTheModulesLine() {
    smox.cache().setFailslab(new FaultAttr(100, 1, 1));
    assertEquals(SmoxTestModule.ENOMEM, smox.store(cpu, 7, 2));
    assertTrue(m.log().lines().contains("smox: failed to allocate entry: 7"));
    assertEquals(0, things.load(7));
  }

  @Test
  void testNeedsAnEmptyArray() {
    assertEquals(SmoxTestModule.EBUSY, smox.test(cpu, 100, 10));
    assertTrue(m.log().lines().contains("smox: test requires clean module state"));
  }

  @Test
  void testOnAnEmptyArrayLeavesEveryKeepthThing() {
    smox.erase(cpu, 0, SmoxTestModule.NR_ITEMS);
    assertEquals(0, smox.test(cpu, 1000, 10));
    assertEquals(LongStream.range(0, 100).map(i -> i * 10).boxed().toList(), indices());
  }

  @Test
  void badArgumentsNameTheArgumentAndChangeNothing() {
    long[] before = things.nodes();
    assertMessage("index", () -> smox.store(cpu, -1, 1));
    assertMessage("count", () -> smox.store(cpu, 0, 0));
    assertMessage("count", () -> smox.erase(cpu, Long.MAX_VALUE, 2));
    assertMessage("mark", () -> smox.mark(0, 1, 3));
    assertMessage("nr", () -> smox.test(cpu, 0, 6));
    assertMessage("keep", () -> smox.test(cpu, 10, 0));
    assertEquals(before.length, things.nodes().length);
    assertEquals(LongStream.of(survivors()).boxed().toList(), indices());
  }

  private static void assertMessage(String word, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(word), e.getMessage());
  }

  @Test
  void unloadFreesEverythingAndLogs() {
    smox.unload(cpu);
    assertEquals("smo_xarray: module removed", m.log().lines().get(m.log().size() - 1));
    assertNull(m.slub().cache(SmoxTestModule.CACHE));
    assertEquals(0, XaFixture.liveObjects(XArrayCache.of(m).cache()));
    assertThrows(IllegalStateException.class, smox::check);
  }

  @Test
  void loadingTwiceFailsToCreateTheCache() {
    assertThrows(IllegalStateException.class, () -> SmoxTestModule.load(m, cpu));
    assertTrue(m.log().lines().contains("smo_xarray: failed to create cache"));
  }

  @Test
  void reloadAfterUnloadStartsAgain() {
    smox.unload(cpu);
    SmoxTestModule again = SmoxTestModule.load(m, cpu);
    assertEquals(0, again.loadStatus());
    assertEquals(0, again.check());
  }
}
