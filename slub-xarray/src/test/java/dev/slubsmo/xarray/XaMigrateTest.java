package dev.slubsmo.xarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.FaultAttr;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.smo.Defrag;
import dev.slubsmo.smo.NumaMove;
import dev.slubsmo.smo.Placement;
import dev.slubsmo.smo.Smo;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The xarray_node cache and node migration ({@code xa_object_migrate}, spec smo.md 10). */
class XaMigrateTest {
  private final XaFixture f = new XaFixture();
  private final KmemCache cache = f.xc.cache();
  private final XaNode nodes = f.xc.nodes();

  /** One entry per leaf: index {@code i * 64 + i % 64} holds value i. */
  private static long leafIndex(long i) {
    return i * XaNode.CHUNK_SIZE + i % XaNode.CHUNK_SIZE;
  }

  /** Stores n entries one per leaf, marks some, erases 5 of every 6; returns the survivors. */
  private static long[] sparse(XaFixture f, XArray xa, int n) {
    for (long i = 0; i < n; i++) {
      xa.store(f.cpu, leafIndex(i), XaEntry.mkValue(i));
      if (i % 4 == 0) {
        xa.setMark(leafIndex(i), XaMark.MARK_1);
      }
      if (i % 9 == 0) {
        xa.setMark(leafIndex(i), XaMark.MARK_2);
      }
    }
    for (long i = 0; i < n; i++) {
      if (i % 6 != 0) {
        xa.erase(leafIndex(i));
      }
    }
    return LongStream.range(0, n).filter(i -> i % 6 == 0).map(XaMigrateTest::leafIndex).toArray();
  }

  private static void assertEntriesAndMarks(XArray xa, int n) {
    assertEntriesAndMarks(xa, n, i -> i % 6 == 0);
  }

  private static void assertEntriesAndMarks(XArray xa, int n, LongPredicate survives) {
    for (long i = 0; i < n; i++) {
      long idx = leafIndex(i);
      boolean kept = survives.test(i);
      assertEquals(kept ? XaEntry.mkValue(i) : 0, xa.load(idx), "entry at " + idx);
      assertEquals(kept && i % 4 == 0, xa.getMark(idx, XaMark.MARK_1), "mark 1 at " + idx);
      assertEquals(kept && i % 9 == 0, xa.getMark(idx, XaMark.MARK_2), "mark 2 at " + idx);
    }
  }

  /** Slabs per node equal ceil(live / objs_per_slab), plus the shrinking CPU's slab if there. */
  private void assertAtFloor(XArray xa) {
    PhysicalMemory mem = cache.memory();
    long[] live = new long[cache.nodeCount()];
    for (long node : xa.nodes()) {
      live[mem.addressToNode(node)]++;
    }
    Slab cpuSlab = cache.cpuSlab(f.cpu.id()).page();
    for (int n = 0; n < cache.nodeCount(); n++) {
      long floor = (live[n] + cache.objsPerSlab() - 1) / cache.objsPerSlab();
      long allowance = cpuSlab != null && cpuSlab.node() == n ? 1 : 0;
      long slabs = cache.node(n).nrSlabs();
      assertTrue(
          slabs >= floor && slabs <= floor + allowance,
          "node " + n + ": " + slabs + " slabs for " + live[n] + " nodes, floor " + floor);
    }
    assertEquals(xa.nodes().length, XaFixture.liveObjects(cache));
  }

  @Test
  void nodeCacheHasTheSpecGeometry() {
    assertEquals(XaNode.SIZE, cache.objectSize());
    assertEquals(XaNode.SIZE + 8, cache.size());
    assertEquals(1, cache.order());
    assertEquals(14, cache.objsPerSlab());
    assertTrue(Smo.movable(cache));
  }

  @Test
  void constructedNodeIsZeroWithAnEmptyList() {
    long node = cache.alloc(f.cpu, Gfp.KERNEL);
    assertTrue(nodes.listEmpty(node));
    assertEquals(node + XaNode.PRIVATE_LIST, nodes.listPrev(node));
    assertEquals(0, nodes.array(node));
    assertEquals(0, nodes.parent(node));
    for (int i = 0; i < XaNode.CHUNK_SIZE; i++) {
      assertEquals(0, nodes.slot(node, i));
    }
  }

  @Test
  void eachArrayHasItsOwnAddressThatNodesName() {
    XArray a = f.array();
    XArray b = f.array();
    assertNotEquals(a.address(), b.address());
    b.store(f.cpu, 100, XaEntry.mkValue(1));
    assertEquals(b.address(), nodes.array(b.nodes()[0]));
    assertEquals(b, f.xc.arrayAt(b.address()));
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void shrinkingASparseArrayKeepsEveryEntryAndMarkAndReachesTheFloor(Placement placement) {
    f.m.slub().setPlacement(placement);
    XArray xa = f.array();
    int n = 100_000;
    long[] survivors = sparse(f, xa, n);
    f.xc.rcuBarrier(f.cpu);
    long before = cache.node(0).nrSlabs();
    Defrag.shrink(cache, f.cpu, f.m.slub().placement());
    assertTrue(cache.node(0).nrSlabs() < before, "shrink freed no slab");
    assertEntriesAndMarks(xa, n);
    assertEquals(XaFixture.nodesFor(survivors), xa.check().nodes());
    assertAtFloor(xa);
  }

  @Test
  void migrateSkipsNodesWaitingForRcuAndItsBarrierFreesThem() {
    XArray xa = f.array();
    sparse(f, xa, 3000);
    f.xc.rcuBarrier(f.cpu);
    for (long i = 0; i < 3000; i += 12) {
      xa.erase(leafIndex(i));
    }
    assertTrue(f.xc.pendingRcuFrees() > 0);
    Defrag.shrink(cache, f.cpu, Placement.KERNEL);
    assertEquals(0, f.xc.pendingRcuFrees());
    assertEntriesAndMarks(xa, 3000, i -> i % 6 == 0 && i % 12 != 0);
    xa.check();
    assertAtFloor(xa);
  }

  @Test
  void migrateMovesAListedNodesLinkageToTheReplacement() {
    XArray xa = f.array();
    long[] survivors = sparse(f, xa, 3000);
    f.xc.rcuBarrier(f.cpu);
    PhysicalMemory mem = cache.memory();
    long head = f.m.slub().kmalloc().kmalloc(f.cpu, 16, Gfp.KERNEL, -1);
    mem.writeLong(head, head);
    mem.writeLong(head + 8, head);
    Set<Long> listed = new HashSet<>();
    for (long leaf : Arrays.copyOf(leaves(xa), 3)) {
      listAddTail(mem, leaf + XaNode.PRIVATE_LIST, head);
      listed.add(leaf);
    }
    Defrag.shrink(cache, f.cpu, Placement.KERNEL);
    Set<Long> now = new HashSet<>();
    for (long e = mem.readLong(head); e != head; e = mem.readLong(e)) {
      assertEquals(e, mem.readLong(mem.readLong(e + 8)), "prev.next of list entry");
      now.add(e - XaNode.PRIVATE_LIST);
    }
    assertEquals(3, now.size());
    assertTrue(Arrays.stream(leaves(xa)).boxed().toList().containsAll(now));
    assertTrue(now.stream().noneMatch(listed::contains), "listed nodes were not moved");
    assertEquals(survivors.length, xa.check().entries());
  }

  @Test
  void freeingAListedNodeIsAnXaDebugBug() {
    XArray xa = f.array();
    xa.store(f.cpu, 640, XaEntry.mkValue(1));
    xa.store(f.cpu, 5, XaEntry.mkValue(2));
    PhysicalMemory mem = cache.memory();
    long head = f.m.slub().kmalloc().kmalloc(f.cpu, 16, Gfp.KERNEL, -1);
    mem.writeLong(head, head);
    mem.writeLong(head + 8, head);
    listAddTail(mem, leaves(xa)[1] + XaNode.PRIVATE_LIST, head);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> xa.erase(640));
    assertTrue(e.getMessage().contains("private_list"), e.getMessage());
  }

  @Test
  void replacementAllocationFailureIsLoggedAndLeavesTheNodeInPlace() {
    XArray xa = f.array();
    sparse(f, xa, 600);
    f.xc.rcuBarrier(f.cpu);
    long[] before = xa.nodes();
    cache.setFailslab(new FaultAttr(100, 1, -1));
    Defrag.shrink(cache, f.cpu, Placement.KERNEL);
    cache.setFailslab(null);
    assertTrue(f.m.log().lines().contains(XaMigrate.ALLOC_FAILED));
    assertEquals(before.length, xa.nodes().length);
    assertEquals(
        Arrays.stream(before).boxed().toList(), Arrays.stream(xa.nodes()).boxed().toList());
    assertEntriesAndMarks(xa, 600);
    xa.check();
  }

  @Test
  void moveToNodeOnePutsEveryNodeOnNodeOne() {
    Machine two =
        new Machine(
            new MachineConfig(2, 2, 256L << 20),
            MachineOptions.defaults().withSlubDebug(SlubDebugOption.parse(null)));
    XaFixture g = new XaFixture(two);
    XArray xa = g.array();
    sparse(g, xa, 2000);
    g.xc.rcuBarrier(g.cpu);
    PhysicalMemory mem = two.slub().memory();
    assertTrue(Arrays.stream(xa.nodes()).allMatch(a -> mem.addressToNode(a) == 0));
    NumaMove.move(g.xc.cache(), g.cpu, 0, 1);
    assertTrue(Arrays.stream(xa.nodes()).allMatch(a -> mem.addressToNode(a) == 1));
    assertEquals(0, g.xc.cache().node(0).nrSlabs());
    assertEntriesAndMarks(xa, 2000);
    xa.check();
  }

  @Test
  void replacementIsFreedWhenTheNodeLeftItsArrayBeforeTheLock() throws InterruptedException {
    XArray xa = f.array();
    xa.store(f.cpu, 5, XaEntry.mkValue(5));
    XArray filler = f.array();
    for (long i = 0; i < 2L * cache.objsPerSlab(); i++) {
      filler.store(f.cpu, i * XaNode.CHUNK_SIZE, XaEntry.mkValue(i));
    }
    filler.destroy();
    f.xc.rcuBarrier(f.cpu);
    f.m.releaseCpus();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread shrinker =
        new Thread(() -> Defrag.shrink(cache, f.m.cpu(1), Placement.KERNEL), "shrinker");
    shrinker.setUncaughtExceptionHandler((t, e) -> failure.set(e));
    xa.lock.lock();
    try {
      shrinker.start();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!xa.lock.hasQueuedThreads() && shrinker.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      assertTrue(xa.lock.hasQueuedThreads(), "migrate never waited for xa_lock");
      xa.erase(5);
    } finally {
      xa.lock.unlock();
    }
    shrinker.join(10_000);
    assertFalse(shrinker.isAlive());
    assertEquals(null, failure.get());
    assertTrue(xa.empty());
    assertEquals(0, XaFixture.liveObjects(cache));
  }

  @Test
  void plantedFaultForgettingAChildsParentIsCaughtByCheck() {
    Machine m = Machine.boot();
    XArrayCache faulty = new XArrayCache(m, ForgetfulMigrate::new);
    XaFixture g = new XaFixture(m, faulty);
    XArray xa = g.array();
    sparse(g, xa, 3000);
    g.xc.rcuBarrier(g.cpu);
    xa.check();
    Defrag.shrink(faulty.cache(), g.cpu, Placement.KERNEL);
    IllegalStateException e = assertThrows(IllegalStateException.class, xa::check);
    assertTrue(e.getMessage().contains("parent is"), e.getMessage());
    assertTrue(e.getMessage().contains("xa_node 0x"), e.getMessage());
  }

  @Test
  void unmovedArrayPassesCheckAfterAShrinkOfAnotherCache() {
    XArray xa = f.array();
    sparse(f, xa, 600);
    KmemCache other = f.m.slub().kmalloc().cacheFor(64, Gfp.KERNEL);
    other.shrink(f.cpu);
    assertFalse(xa.empty());
    xa.check();
  }

  /** A migrate callback that repoints every child's parent but the first: the planted fault. */
  static final class ForgetfulMigrate extends XaMigrate {
    ForgetfulMigrate(XArrayCache xc) {
      super(xc);
    }

    @Override
    void adoptChildren(XaNode nodes, long old, long repl) {
      boolean forgot = false;
      for (int off = 0; off < XaNode.CHUNK_SIZE; off++) {
        long e = nodes.slot(old, off);
        if (XaEntry.isNode(e)) {
          if (forgot) {
            nodes.setParent(XaEntry.toNode(e), repl);
          }
          forgot = true;
        }
      }
    }
  }

  private long[] leaves(XArray xa) {
    return Arrays.stream(xa.nodes()).filter(a -> nodes.shift(a) == 0).toArray();
  }

  /** {@code list_add_tail(entry, head)}. */
  private static void listAddTail(PhysicalMemory mem, long entry, long head) {
    long prev = mem.readLong(head + 8);
    mem.writeLong(entry, head);
    mem.writeLong(entry + 8, prev);
    mem.writeLong(prev, entry);
    mem.writeLong(head + 8, entry);
  }
}
