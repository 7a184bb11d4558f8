package dev.slubsmo.sysfs;

import static dev.slubsmo.sysfs.Boot.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.ShrinkMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stores that trigger work: shrink, validate, and SMO's move and balance. */
class ActionWriteTest {
  private Errno failedWrite(SysfsTree t, String path, String value) {
    return assertThrows(SysfsException.class, () -> t.write(path, value)).errno();
  }

  private static KmemCache withEmptySlab(Machine m) {
    KmemCache s = m.slub().createCache("shrunk", 56, 0, 0, (mem, p) -> {});
    List<Long> objs = Boot.alloc(m, s, 0, 1);
    s.free(m.cpu(0), objs.get(0));
    s.flushAll();
    return s;
  }

  @Test
  void shrinkOneDiscardsEmptySlabs() {
    Machine m =
        new Machine(
            MachineConfig.defaults(),
            MachineOptions.defaults().withShrinkMode(ShrinkMode.MAINLINE));
    KmemCache s = withEmptySlab(m);
    assertEquals(1, s.node(0).nrSlabs());
    Boot.sysfs(m).write(path("shrunk", "shrink"), "1\n");
    assertEquals(0, s.node(0).nrSlabs());
  }

  @Test
  void shrinkOtherThanOneIsEinvalAndKeepsSlabs() {
    Machine m = Boot.plain();
    KmemCache s = withEmptySlab(m);
    assertEquals(Errno.EINVAL, failedWrite(Boot.sysfs(m), path("shrunk", "shrink"), "0\n"));
    assertEquals(1, s.node(0).nrSlabs());
  }

  @Test
  void validateOneFlushesCpuSlabs() {
    Machine m = Boot.plain();
    KmemCache s = m.slub().createCache("checked", 56, 0, 0, (mem, p) -> {});
    Boot.alloc(m, s, 0, 1);
    Boot.sysfs(m).write(path("checked", "validate"), "1");
    assertNull(s.cpuSlab(0).page());
    assertEquals(0, m.log().bugCount());
  }

  @Test
  void validateOtherThanOneIsEinvalAndLeavesCpuSlab() {
    Machine m = Boot.plain();
    KmemCache s = m.slub().createCache("checked", 56, 0, 0, (mem, p) -> {});
    Boot.alloc(m, s, 0, 1);
    assertEquals(Errno.EINVAL, failedWrite(Boot.sysfs(m), path("checked", "validate"), "2"));
    assertEquals(true, s.cpuSlab(0).page() != null);
  }

  @Test
  void moveToNodeTakesEveryOtherNodesObjects() {
    Machine m = Boot.twoNodes(Boot.fzpu());
    MovableCache c = new MovableCache(m, "smo_test");
    c.allocOn(0, 30);
    Boot.sysfs(m).write(path("smo_test", "move"), "N1\n");
    assertEquals(0, c.objectsOn(0));
    assertEquals(30, c.objectsOn(1));
  }

  @Test
  void moveBetweenNodesTakesOnlyTheSourceNode() {
    Machine m = Boot.twoNodes(Boot.fzpu());
    MovableCache c = new MovableCache(m, "smo_test");
    c.allocOn(0, 5);
    c.allocOn(1, 7);
    Boot.sysfs(m).write(path("smo_test", "move"), "N1 N0\n");
    assertEquals(12, c.objectsOn(0));
    assertEquals(0, c.objectsOn(1));
  }

  @Test
  void kernelMoveDegradesAnInvalidTargetToMoveToTheSource() {
    Machine m = Boot.twoNodes(Boot.fzpu().withKernelFidelity(true));
    MovableCache c = new MovableCache(m, "smo_test");
    c.allocOn(1, 7);
    Boot.sysfs(m).write(path("smo_test", "move"), "N0 N9\n");
    assertEquals(7, c.objectsOn(0));
    assertEquals(0, c.objectsOn(1));
  }

  @Test
  void kernelMoveWithLeadingSpaceSucceedsDoingNothing() {
    Machine m = Boot.twoNodes(Boot.fzpu().withKernelFidelity(true));
    MovableCache c = new MovableCache(m, "smo_test");
    c.allocOn(0, 7);
    Boot.sysfs(m).write(path("smo_test", "move"), " N1\n");
    assertEquals(7, c.objectsOn(0));
  }

  @Test
  void strictMoveRejectsAnInvalidNodeAndMovesNothing() {
    Machine m = Boot.twoNodes(Boot.fzpu());
    MovableCache c = new MovableCache(m, "smo_test");
    c.allocOn(1, 7);
    SysfsException e =
        assertThrows(
            SysfsException.class, () -> Boot.sysfs(m).write(path("smo_test", "move"), "N0 N9\n"));
    assertEquals(Errno.EINVAL, e.errno());
    assertTrue(e.getMessage().contains("no node 9"), e.getMessage());
    assertEquals(7, c.objectsOn(1));
  }

  @Test
  void balanceOneSpreadsSlabsOverTheNodes() {
    Machine m = Boot.twoNodes(Boot.fzpu());
    MovableCache c = new MovableCache(m, "smo_test");
    c.allocOn(0, 4 * c.cache.objsPerSlab());
    Boot.sysfs(m).write(path("smo_test", "balance"), "1\n");
    assertTrue(c.cache.node(1).nrSlabs() > 0);
    assertEquals(c.live.size(), c.objectsOn(0) + c.objectsOn(1));
  }

  @Test
  void balanceOtherThanOneIsEinvalAndMovesNothing() {
    Machine m = Boot.twoNodes(Boot.fzpu());
    MovableCache c = new MovableCache(m, "smo_test");
    c.allocOn(0, 4 * c.cache.objsPerSlab());
    assertEquals(Errno.EINVAL, failedWrite(Boot.sysfs(m), path("smo_test", "balance"), "0\n"));
    assertEquals(0, c.cache.node(1).nrSlabs());
  }
}
