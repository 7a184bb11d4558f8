package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.testmodule.trace.SysfsSnapshot;
import dev.slubsmo.testmodule.trace.TraceReader;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One policy's machine driven directly: pre-population, and pointers kept right by migrate. */
class PolicyMachineTest {
  private static final List<String> CACHES =
      List.of("dentry", "ext4_inode_cache", "filp", "inode_cache", "radix_tree_node", "kmalloc-64");

  private static CacheCatalog catalog(SysfsSnapshot before, StartLayout.Mode mode) {
    CacheCatalog c = new CacheCatalog(ReplayInputs.geometry(null), before, mode, true);
    CACHES.forEach(name -> c.named(name, 0));
    return c;
  }

  private static PolicyMachine machineWith(CacheCatalog catalog, Policy p) {
    PolicyMachine m = new PolicyMachine(PolicySetup.of(p), 1);
    OpBatch empty = new OpBatch();
    empty.specs = List.copyOf(catalog.specs());
    m.apply(empty);
    return m;
  }

  @ParameterizedTest
  @EnumSource(StartLayout.Mode.class)
  void prepopulationHoldsTheBeforeSnapshotsObjects(StartLayout.Mode mode) {
    SysfsSnapshot before = Replays.before();
    CacheCatalog catalog = catalog(before, mode);
    PolicyMachine m = machineWith(catalog, Policy.NONE);
    for (CacheSpec spec : catalog.specs()) {
      long expected =
          spec.kernelNames().stream()
              .mapToLong(n -> before.rows().containsKey(n) ? before.rows().get(n).objects() : 0)
              .sum();
      SlabCensus census = SlabCensus.of(m.cache(spec.index()));
      assertEquals(expected, census.live(), spec.name());
      assertEquals(expected, m.pool(spec.index()).size(), spec.name());
      assertEquals(spec.start().slabs(), census.slabs(), spec.name());
    }
  }

  @Test
  void snapshotLayoutStartsWithTheSnapshotsSlabsAndPartialSlabs() {
    SysfsSnapshot before = Replays.before();
    CacheCatalog catalog = catalog(before, StartLayout.Mode.SNAPSHOT);
    PolicyMachine m = machineWith(catalog, Policy.NONE);
    SysfsSnapshot.Row ext4 = before.rows().get("ext4_inode_cache");
    SlabCensus census = SlabCensus.of(m.cache(catalog.named("ext4_inode_cache", 0)));
    assertEquals(ext4.slabs(), census.slabs());
    assertEquals(ext4.partial(), census.partial());
  }

  @Test
  void migrateKeepsEveryPointerOnItsObject() throws IOException {
    CacheCatalog catalog =
        new CacheCatalog(
            ReplayInputs.geometry(null), Replays.before(), StartLayout.Mode.SNAPSHOT, false);
    TraceLedger ledger = new TraceLedger(catalog, 1, SnapshotMachine.CPUS, SnapshotMachine.NODES);
    PolicyMachine m = new PolicyMachine(PolicySetup.of(Policy.SMO_KERNEL), 1);
    OpBatch b = new OpBatch();
    try (TraceReader r =
        TraceReader.open(PolicyMachineTest.class.getResourceAsStream(Replays.SLICE), true)) {
      while (r.next(e -> ledger.accept(e, b))) {
        if (b.full()) {
          b.specs = List.copyOf(catalog.specs());
          m.apply(b);
          b.clear();
        }
      }
    }
    b.specs = List.copyOf(catalog.specs());
    m.apply(b);
    m.finish();
    long moved = 0;
    for (int i = 0; i < m.cacheCount(); i++) {
      moved += m.moved(i);
    }
    assertTrue(moved > 0);
    PhysicalMemory memory = m.machine().pages().memory();
    m.objects()
        .forEach(
            (ptr, addr) -> {
              assertEquals(ptr, memory.readLong(addr));
              assertTrue(ledger.allocatedAt(ptr) >= 0);
            });
    for (int i = 0; i < m.cacheCount(); i++) {
      KmemCache s = m.cache(i);
      m.pool(i)
          .forEach(
              addr -> {
                assertEquals(0, memory.readLong(addr));
                assertSame(s, m.machine().slub().slabOf(addr).cache());
              });
    }
  }
}
