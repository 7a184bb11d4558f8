package dev.slubsmo.smo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.FaultAttr;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.StatItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureSafetyTest {
  private static Tracked debug() {
    Tracked t =
        new Tracked(
            new Machine(
                MachineConfig.defaults(),
                MachineOptions.defaults().withSlubDebug(SlubDebugOption.parse(null))),
            "fs");
    return t;
  }

  private static long stat(Tracked t, StatItem item) {
    long n = 0;
    for (int c = 0; c < t.s.cpuCount(); c++) {
      n += t.s.cpuSlab(c).stat(item);
    }
    return n;
  }

  @Test
  void failedTargetAllocationLeavesEveryObjectInPlace() {
    Tracked t = debug();
    t.enable();
    int per = t.s.objsPerSlab();
    List<Long> ids = t.alloc(per + 1, -1);
    t.free(ids.get(0));
    long slabs = t.slabs();
    t.s.setFailslab(new FaultAttr(100, 1, -1));
    t.s.shrink(t.cpu);
    t.s.setFailslab(null);
    assertEquals(slabs, t.slabs());
    assertEquals(2, t.partial());
    assertTrue(stat(t, StatItem.SMO_MIGRATE_FAILED) > 0);
    t.assertIntact();
  }

  @Test
  void failslabHonoursTimes() {
    Tracked t = debug();
    t.s.setFailslab(new FaultAttr(100, 1, 2));
    assertEquals(0, t.s.alloc(t.cpu, Gfp.KERNEL));
    assertEquals(0, t.s.alloc(t.cpu, Gfp.KERNEL));
    assertTrue(t.s.alloc(t.cpu, Gfp.KERNEL) != 0);
  }

  @Test
  void slabOperationFromIsolateIsRefused() {
    Tracked t = debug();
    Smo.setupMobility(
        t.s, Mobility.of((c, objs, n) -> c.alloc(t.cpu, Gfp.KERNEL), t::migrate, "bad_isolate"));
    List<Long> ids = t.alloc(t.s.objsPerSlab() + 1, -1);
    t.free(ids.get(0));
    assertThrows(IllegalStateException.class, () -> t.s.shrink(t.cpu));
  }

  @Test
  void neverAnswerMarksTheSlabImmovableUntilItChanges() {
    Tracked t = debug();
    Smo.setupMobility(
        t.s, Mobility.perObject(null, (c, obj, node, priv) -> MoveAnswer.NEVER, "never"));
    int per = t.s.objsPerSlab();
    List<Long> ids = t.alloc(per + 1, -1);
    t.free(ids.get(0));
    t.s.shrink(t.cpu);
    Slab stuck = t.m.slub().slabOf(t.byId.get(ids.get(1)));
    assertTrue(stuck.immovable());
    assertTrue(stat(t, StatItem.SMO_ANSWER_NEVER) > 0);
    t.free(ids.get(1));
    assertTrue(!stuck.immovable());
    t.assertIntact();
  }

  @Test
  void dontNeedAnswerFreesTheObject() {
    Tracked t = debug();
    Smo.setupMobility(
        t.s, Mobility.perObject(null, (c, obj, node, priv) -> MoveAnswer.DONT_NEED, "dont"));
    int per = t.s.objsPerSlab();
    List<Long> ids = t.alloc(per + 3, -1);
    t.free(ids.get(0));
    Defrag.kmemCacheDefrag(t.s, t.cpu, 0, 0, 100);
    assertEquals(per + 2, stat(t, StatItem.SMO_ANSWER_DONT_NEED));
    assertEquals(0, t.slabs());
  }

  @Test
  void threeLaterAnswersCountAsNever() {
    Tracked t = debug();
    Smo.setupMobility(
        t.s, Mobility.perObject(null, (c, obj, node, priv) -> MoveAnswer.LATER, "later"));
    int per = t.s.objsPerSlab();
    List<Long> ids = t.alloc(per + 4, -1);
    for (int i = 0; i < per - 3; i++) {
      t.free(ids.get(i));
    }
    t.s.shrink(t.cpu);
    assertEquals(6, stat(t, StatItem.SMO_ANSWER_LATER));
    assertTrue(t.m.slub().slabOf(t.byId.get(ids.get(per - 1))).immovable());
    assertTrue(t.m.slub().slabOf(t.byId.get(ids.get(per))).immovable());
  }
}
