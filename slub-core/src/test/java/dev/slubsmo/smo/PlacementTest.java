package dev.slubsmo.smo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.MachineConfig;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "One survivor per slab, rotating": both placement policies reach the floor. */
class PlacementTest {
  private static Tracked fragmented(int nodes, boolean debug, int slabsPerNode) {
    MachineOptions o = MachineOptions.defaults();
    if (debug) {
      o = o.withSlubDebug(SlubDebugOption.parse(null));
    }
    Machine m = new Machine(new MachineConfig(nodes, 2 * nodes, 64L << 20), o);
    Tracked t = new Tracked(m, "frag");
    t.enable();
    int per = t.s.objsPerSlab();
    for (int node = 0; node < nodes; node++) {
      List<Long> ids = t.alloc(per * slabsPerNode, node);
      for (int i = 0; i < ids.size(); i++) {
        int slab = i / per;
        if (i % per != slab % per) {
          t.free(ids.get(i));
        }
      }
    }
    return t;
  }

  private static long partialOn(Tracked t, int node) {
    return t.s.node(node).nrPartial();
  }

  @ParameterizedTest(name = "nodes={0} debug={1}")
  @CsvSource({"1,false", "1,true", "2,false", "2,true"})
  void minimalMoveReachesTheFloorWithFewMoves(int nodes, boolean debug) {
    Tracked t = fragmented(nodes, debug, 150);
    long floor = t.floor();
    DefragResult r = Defrag.shrink(t.s, t.cpu, Placement.MINIMAL_MOVE);
    assertEquals(floor, t.slabs());
    for (int n = 0; n < nodes; n++) {
      assertTrue(partialOn(t, n) <= 1, "node " + n + " partial " + partialOn(t, n));
    }
    assertTrue(r.moved() <= 1.1 * r.minMoves(), r.toString());
    t.assertIntact();
  }

  @ParameterizedTest(name = "nodes={0} debug={1}")
  @CsvSource({"1,false", "1,true", "2,false", "2,true"})
  void kernelPolicyReachesTheFloorToo(int nodes, boolean debug) {
    Tracked t = fragmented(nodes, debug, 150);
    long floor = t.floor();
    DefragResult r = Defrag.shrink(t.s, t.cpu, Placement.KERNEL);
    t.s.flushAll();
    assertEquals(floor, t.slabs(), r.toString());
    assertTrue(r.moved() >= r.minMoves(), r.toString());
    t.assertIntact();
  }
}
