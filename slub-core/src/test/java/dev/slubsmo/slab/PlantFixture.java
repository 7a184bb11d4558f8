package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.Invariant;
import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.debug.InvariantChecker.Tunables;
import dev.slubsmo.debug.InvariantViolation;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.MachineConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small machine with one 256-byte cache ({@code plant}, 16 objects per slab) and the slab states
 * the invariant tests plant violations into. Every builder first asserts the machine is clean.
 */
final class PlantFixture {
  final Machine m;
  final KmemCache s;
  final Cpu cpu0;
  final Cpu cpu1;

  PlantFixture(int nodes, boolean debug) {
    MachineOptions o = MachineOptions.defaults();
    if (debug) {
      o = o.withSlubDebug(SlubDebugOption.parse(null));
    }
    m = new Machine(new MachineConfig(nodes, 2 * nodes, 16L << 20), o);
    s = m.slub().createCache("plant", 256, 0, 0, null);
    cpu0 = m.cpu(0);
    cpu1 = m.cpu(1);
  }

  PlantFixture() {
    this(1, false);
  }

  int perSlab() {
    return s.objsPerSlab();
  }

  List<Long> alloc(Cpu cpu, int n) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.alloc(cpu, Gfp.KERNEL));
    }
    return out;
  }

  Slab slab(long object) {
    return m.slub().slabOf(object);
  }

  /**
   * Two slabs filled on cpu0, one object of the first freed on cpu0 (so it joins cpu0's chain):
   * returns {chain slab, CPU slab}; the CPU slab's freelist is empty.
   */
  Slab[] chainAndCpuSlab() {
    List<Long> objs = alloc(cpu0, 2 * perSlab());
    Slab first = slab(objs.get(0));
    s.free(cpu0, objs.get(0));
    Slab[] out = {first, slab(objs.get(perSlab()))};
    assertEquals(first, s.cpuSlab[0].partial);
    assertEquals(out[1], s.cpuSlab[0].page);
    assertClean();
    return out;
  }

  /** As {@link #chainAndCpuSlab} then {@code flush_all}: returns {partial slab, full slab}. */
  Slab[] partialAndFullSlab() {
    Slab[] out = chainAndCpuSlab();
    s.flushAll();
    assertEquals(out[0], s.node[0].partial.head());
    assertEquals(null, out[1].list);
    assertClean();
    return out;
  }

  /** One object allocated on cpu0: its slab is cpu0's slab with the rest on the CPU freelist. */
  Slab cpuSlab() {
    Slab p = slab(alloc(cpu0, 1).get(0));
    assertEquals(p, s.cpuSlab[0].page);
    assertClean();
    return p;
  }

  /**
   * A full CPU slab on cpu0 (empty CPU freelist), one of its objects freed remotely on cpu1 and
   * then also pushed onto cpu0's freelist: one slot on two freelists. Returns the object.
   */
  long cpuObjectOnBothFreelists() {
    List<Long> objs = alloc(cpu0, perSlab());
    CacheCpu c = s.cpuSlab[0];
    assertEquals(slab(objs.get(0)), c.page);
    assertEquals(0, c.freelist);
    long x = objs.get(0);
    s.free(cpu1, x);
    assertClean();
    c.freelist = x;
    return x;
  }

  void assertClean() {
    assertEquals(List.of(), InvariantChecker.violations(m));
  }

  Set<Integer> violated() {
    return violated(Tunables.AS_CREATED);
  }

  /** The numbers of the invariants {@link InvariantChecker#check(Machine, Tunables)} names. */
  Set<Integer> violated(Tunables t) {
    Set<Integer> out = new TreeSet<>();
    try {
      InvariantChecker.check(m, t);
    } catch (InvariantViolation e) {
      for (Invariant i : e.invariants()) {
        out.add(i.number());
      }
      for (String v : e.violations()) {
        assertTrue(v.startsWith("invariant "), v);
      }
    }
    return out;
  }

  /** Writes a slab's state word as a buggy path would, bypassing the list bookkeeping. */
  static void setState(Slab p, int freeIndex, int inuse, boolean frozen) {
    p.setState(SlabState.next(p.state(), freeIndex, inuse, frozen));
  }
}
