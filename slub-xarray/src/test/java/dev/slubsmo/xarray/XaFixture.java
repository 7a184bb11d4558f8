package dev.slubsmo.xarray;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.StatItem;
import java.util.Arrays;

/** A booted machine with its XArray state, and the helpers the tests share. */
final class XaFixture {
  final Machine m;
  final Cpu cpu;
  final XArrayCache xc;

  XaFixture(Machine m, XArrayCache xc) {
    this.m = m;
    this.cpu = m.cpu(0);
    this.xc = xc;
  }

  XaFixture(Machine m) {
    this(m, XArrayCache.of(m));
  }

  XaFixture() {
    this(Machine.boot());
  }

  XArray array() {
    return xc.create(cpu, 0);
  }

  XArray allocArray() {
    return xc.create(cpu, XArray.FLAGS_ALLOC);
  }

  /** {@code xa_mk_index}: the value entry the tests store at an index. */
  static long mkIndex(long index) {
    return XaEntry.mkValue(index & Long.MAX_VALUE);
  }

  /** Objects of {@code s} allocated and not freed, from the per-CPU event counters. */
  static long liveObjects(KmemCache s) {
    long live = 0;
    for (int c = 0; c < s.cpuCount(); c++) {
      live +=
          s.cpuSlab(c).stat(StatItem.ALLOC_FASTPATH)
              + s.cpuSlab(c).stat(StatItem.ALLOC_SLOWPATH)
              - s.cpuSlab(c).stat(StatItem.FREE_FASTPATH)
              - s.cpuSlab(c).stat(StatItem.FREE_SLOWPATH);
    }
    return live;
  }

  /**
   * The nodes the kernel's tree holds for a set of indices: one per distinct prefix at every level
   * from the leaves up to the root that covers the largest index; none for {0} or nothing.
   */
  static long nodesFor(long[] indices) {
    long[] sorted = indices.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0 || (sorted.length == 1 && sorted[0] == 0)) {
      return 0;
    }
    long top = Arrays.stream(sorted).reduce(0, (a, b) -> a | b);
    int rootShift = 0;
    while (rootShift + XaNode.CHUNK_SHIFT < Long.SIZE
        && top >>> (rootShift + XaNode.CHUNK_SHIFT) != 0) {
      rootShift += XaNode.CHUNK_SHIFT;
    }
    long count = 0;
    for (int shift = 0; shift <= rootShift; shift += XaNode.CHUNK_SHIFT) {
      int up = shift + XaNode.CHUNK_SHIFT;
      count += up >= Long.SIZE ? 1 : Arrays.stream(sorted).map(i -> i >>> up).distinct().count();
    }
    return count;
  }
}
