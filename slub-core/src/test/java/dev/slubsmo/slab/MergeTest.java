package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.mm.MachineConfig;
import org.junit.jupiter.api.Test;

class MergeTest {
  private final Machine m = Machines.plain();

  @Test
  void sameShapeCachesMergeIntoTheOlder() {
    KmemCache a = m.slub().createCache("a", 100, 0, 0, null);
    KmemCache b = m.slub().createCache("b", 100, 0, 0, null);
    assertSame(a, b);
    assertEquals(2, a.refcount());
    assertSame(a, m.slub().cache("b"));
  }

  @Test
  void cachesWithACtorNeverMerge() {
    KmemCache a = m.slub().createCache("a", 100, 0, 0, null);
    KmemCache b = m.slub().createCache("b", 100, 0, 0, (mem, p) -> {});
    assertNotSame(a, b);
  }

  @Test
  void debugFlagsPreventMerging() {
    KmemCache a = m.slub().createCache("a", 100, 0, 0, null);
    KmemCache b = m.slub().createCache("b", 100, 0, SlabFlags.RED_ZONE, null);
    assertNotSame(a, b);
  }

  @Test
  void nomergeKeepsCachesApart() {
    Machine n = new Machine(MachineConfig.defaults(), MachineOptions.defaults().withNomerge(true));
    assertNotSame(
        n.slub().createCache("a", 100, 0, 0, null), n.slub().createCache("b", 100, 0, 0, null));
  }

  @Test
  void duplicateNameIsRejected() {
    m.slub().createCache("a", 100, 0, 0, (mem, p) -> {});
    assertThrows(IllegalArgumentException.class, () -> m.slub().createCache("a", 64, 0, 0, null));
  }

  @Test
  void kmallocCachesAreNotMergeTargets() {
    KmemCache k = m.slub().kmalloc().cacheFor(64, Gfp.KERNEL);
    KmemCache a = m.slub().createCache("a64", 64, 0, 0, null);
    assertNotSame(k, a);
  }
}
