package dev.slubsmo.smo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.Invariant;
import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.debug.InvariantViolation;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The invariants across SMO operations: the Python suite's scenario stays clean at every step, and
 * the kernel-faithful balance breaks exactly invariant 30 (K7) where the fixed one does not.
 */
class SmoInvariantsTest {
  private static final MigrateFunc REFUSE = (cache, objs, count, node, priv) -> {};

  private Machine m;
  private Cpu cpu;

  /** The suite's migrate: a replacement on the target node, the payload copied, the old freed. */
  private final MigrateFunc copy =
      (cache, objs, count, node, priv) -> {
        for (int i = 0; i < count; i++) {
          long n = cache.allocNode(cpu, Gfp.KERNEL, node);
          cache.memory().writeLong(n + 48, cache.memory().readLong(objs[i] + 48));
          cache.free(cpu, objs[i]);
        }
      };

  private void boot(int nodes, boolean kernelFidelity) {
    m =
        new Machine(
            new MachineConfig(nodes, 2 * nodes, 16L << 20),
            MachineOptions.defaults()
                .withSlubDebug(SlubDebugOption.parse(null))
                .withKernelFidelity(kernelFidelity));
    cpu = m.cpu(0);
  }

  private KmemCache smoTest() {
    return m.slub().createCache("smo_test", 56, 0, 0, (mem, p) -> mem.writeLong(p + 48, -1));
  }

  private KmemCache movable(MigrateFunc migrate) {
    KmemCache s = smoTest();
    Smo.setupMobility(s, Mobility.of(null, migrate, "smo_cache_migrate"));
    return s;
  }

  private void fillNode0(KmemCache s, int slabs) {
    for (int i = 0; i < slabs * s.objsPerSlab(); i++) {
      s.allocNode(cpu, Gfp.KERNEL, 0);
    }
    InvariantChecker.check(m);
  }

  @Test
  void suiteScenarioIsCleanAtEveryStep() {
    boot(1, false);
    KmemCache s = smoTest();
    List<Long> objects = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i <= s.objsPerSlab(); i++) {
        objects.add(s.alloc(cpu, Gfp.KERNEL));
        InvariantChecker.check(m);
      }
      s.free(cpu, objects.remove(0));
      InvariantChecker.check(m);
      s.shrink(cpu);
      InvariantChecker.check(m);
      if (round == 0) {
        while (!objects.isEmpty()) {
          s.free(cpu, objects.remove(0));
          InvariantChecker.check(m);
        }
        s.shrink(cpu);
        Smo.setupMobility(s, Mobility.of(null, copy, "smo_cache_migrate"));
        InvariantChecker.check(m);
      }
    }
    assertEquals(1, s.node(0).nrSlabs());
    assertEquals(0, s.node(0).nrPartial());
  }

  @Test
  void kernelBalanceFilesAFullSlabOnThePartialList() {
    boot(2, true);
    KmemCache s = movable(REFUSE);
    fillNode0(s, 2);
    Balance.balance(s, cpu);
    InvariantViolation e = assertThrows(InvariantViolation.class, () -> InvariantChecker.check(m));
    assertEquals(Set.of(Invariant.NO_FULL_ON_PARTIAL), e.invariants());
  }

  @Test
  void fixedBalanceKeepsFullSlabsOffThePartialList() {
    boot(2, false);
    KmemCache s = movable(REFUSE);
    fillNode0(s, 2);
    Balance.balance(s, cpu);
    InvariantChecker.check(m);
  }

  @Test
  void balanceThatMovesObjectsLeavesACleanMachine() {
    boot(2, false);
    KmemCache s = movable(copy);
    fillNode0(s, 3);
    Balance.balance(s, cpu);
    assertTrue(s.node(1).nrSlabs() > 0, "balance moved slabs to node 1");
    InvariantChecker.check(m);
  }
}
