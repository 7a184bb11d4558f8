package dev.slubsmo.smo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.FaultAttr;
import dev.slubsmo.slab.Slab;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** move and balance need the full list, so these caches run with slub_debug (FZPU). */
class NumaTest {
  private static Tracked machine(int nodes, boolean kernel) {
    Machine m =
        new Machine(
            new MachineConfig(nodes, 2 * nodes, 64L << 20),
            MachineOptions.defaults()
                .withSlubDebug(SlubDebugOption.parse(null))
                .withKernelFidelity(kernel));
    Tracked t = new Tracked(m, "numa");
    t.enable();
    return t;
  }

  @ParameterizedTest(name = "nodes={0}")
  @ValueSource(ints = {2, 4})
  void moveEmptiesTheSourceNode(int nodes) {
    Tracked t = machine(nodes, false);
    t.alloc(500, 0);
    NumaMove.move(t.s, t.cpu, 0, 1);
    assertEquals(0, t.s.node(0).nrSlabs());
    assertEquals(500, t.liveOn(1));
    t.assertIntact();
  }

  @ParameterizedTest(name = "nodes={0}")
  @ValueSource(ints = {2, 4})
  void moveToNodeGathersEveryOtherNode(int nodes) {
    Tracked t = machine(nodes, false);
    for (int n = 0; n < nodes; n++) {
      t.alloc(100, n);
    }
    NumaMove.moveToNode(t.s, t.cpu, nodes - 1);
    assertEquals(100L * nodes, t.liveOn(nodes - 1));
    t.assertIntact();
  }

  @ParameterizedTest(name = "nodes={0}")
  @ValueSource(ints = {2, 4})
  void balanceSplitsSlabsEvenly(int nodes) {
    Tracked t = machine(nodes, false);
    t.alloc(1000, 0);
    Balance.balance(t.s, t.cpu);
    long total = t.slabs();
    for (int n = 0; n < nodes; n++) {
      long slabs = t.s.node(n).nrSlabs();
      assertTrue(
          Math.abs(slabs * nodes - total) <= nodes, "node " + n + ": " + slabs + "/" + total);
    }
    assertEquals(1000, t.byId.size());
    t.assertIntact();
  }

  @ParameterizedTest(name = "nodes={0}")
  @ValueSource(ints = {2, 4})
  void fixedBalanceKeepsFullSlabsOffThePartialList(int nodes) {
    Tracked t = machine(nodes, false);
    t.alloc(1000, 0);
    Balance.balance(t.s, t.cpu);
    for (int n = 0; n < nodes; n++) {
      for (Slab p : t.s.node(n).partial().toList()) {
        assertTrue(p.inuse() < p.objects(), p.toString());
      }
    }
  }

  @ParameterizedTest(name = "nodes={0}")
  @ValueSource(ints = {2, 4})
  void kernelBalanceFilesFullSlabsOnThePartialList(int nodes) {
    Tracked t = machine(nodes, true);
    t.alloc(1000, 0);
    t.s.setFailslab(new FaultAttr(100, 1, -1));
    Balance.balance(t.s, t.cpu);
    t.s.setFailslab(null);
    boolean fullOnPartial = false;
    for (Slab p : t.s.node(0).partial().toList()) {
      fullOnPartial |= p.inuse() == p.objects();
    }
    assertTrue(fullOnPartial, "K7: a vacated slab left full is filed as partial");
    t.assertIntact();
  }
}
