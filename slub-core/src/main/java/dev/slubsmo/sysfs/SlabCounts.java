package dev.slubsmo.sysfs;

import dev.slubsmo.slab.CacheCpu;
import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.StatItem;
import java.util.function.ToLongFunction;

/**
 * The counting show routines of mm/slub.c: {@code show_slab_objects} (a total, then {@code
 * N<node>=<count>} for every node with a non-zero count), {@code slabs_cpu_partial_show} and {@code
 * show_stat} (a sum, then {@code C<cpu>=<count>} for every CPU with a non-zero count). All CPUs and
 * nodes of the model are online.
 */
final class SlabCounts {
  private SlabCounts() {}

  /** {@code objects}: per node {@code total_objects} minus the free objects of partial slabs. */
  static String objects(KmemCache s) {
    return perNode(s, n -> n.totalObjects() - countPartial(n, p -> p.objects() - p.inuse()));
  }

  /** {@code objects_partial}: the objects in use on the node partial lists. */
  static String objectsPartial(KmemCache s) {
    return perNode(s, n -> countPartial(n, Slab::inuse));
  }

  /** {@code partial}: {@code nr_partial}. */
  static String partial(KmemCache s) {
    return perNode(s, CacheNode::nrPartial);
  }

  /** {@code total_objects}. */
  static String totalObjects(KmemCache s) {
    return perNode(s, CacheNode::totalObjects);
  }

  /** {@code slabs}: {@code nr_slabs}, CPU and full slabs included. */
  static String slabs(KmemCache s) {
    return perNode(s, CacheNode::nrSlabs);
  }

  /**
   * {@code cpu_slabs} ({@code SO_CPU}): for each CPU with a CPU slab, 1 on that slab's node plus
   * the chain head's {@code pages} on the head's node; a CPU with only a chain is skipped.
   */
  static String cpuSlabs(KmemCache s) {
    long[] nodes = new long[s.nodeCount()];
    for (int cpu = 0; cpu < s.cpuCount(); cpu++) {
      CacheCpu c = s.cpuSlab(cpu);
      Slab page = c.page();
      if (page == null) {
        continue;
      }
      nodes[page.node()]++;
      Slab head = c.partial();
      if (head != null) {
        nodes[head.node()] += head.chainPages();
      }
    }
    return withSuffixes(nodes, 'N');
  }

  /** {@code slabs_cpu_partial}: {@code <objects>(<pages>)}, then the same per CPU with a chain. */
  static String slabsCpuPartial(KmemCache s) {
    long objects = 0;
    long pages = 0;
    StringBuilder perCpu = new StringBuilder();
    for (int cpu = 0; cpu < s.cpuCount(); cpu++) {
      Slab head = s.cpuSlab(cpu).partial();
      if (head != null) {
        objects += head.chainObjects();
        pages += head.chainPages();
        perCpu.append(String.format(" C%d=%d(%d)", cpu, head.chainObjects(), head.chainPages()));
      }
    }
    return objects + "(" + pages + ")" + perCpu + "\n";
  }

  /** {@code show_stat}. */
  static String stat(KmemCache s, StatItem item) {
    long[] cpus = new long[s.cpuCount()];
    for (int cpu = 0; cpu < cpus.length; cpu++) {
      cpus[cpu] = s.cpuSlab(cpu).stat(item);
    }
    return withSuffixes(cpus, 'C');
  }

  /** {@code any_slab_objects}: some node has {@code total_objects}, empty slabs included. */
  static boolean anySlabObjects(KmemCache s) {
    for (int n = 0; n < s.nodeCount(); n++) {
      if (s.node(n).totalObjects() != 0) {
        return true;
      }
    }
    return false;
  }

  private static String perNode(KmemCache s, ToLongFunction<CacheNode> count) {
    long[] nodes = new long[s.nodeCount()];
    for (int n = 0; n < nodes.length; n++) {
      nodes[n] = count.applyAsLong(s.node(n));
    }
    return withSuffixes(nodes, 'N');
  }

  /** {@code count_partial}: sums over the node's partial list under its {@code list_lock}. */
  static long countPartial(CacheNode n, ToLongFunction<Slab> get) {
    n.listLock().lock();
    try {
      long x = 0;
      for (Slab p : n.partial().toList()) {
        x += get.applyAsLong(p);
      }
      return x;
    } finally {
      n.listLock().unlock();
    }
  }

  /** The total, then {@code <letter><index>=<value>} for each non-zero value, then a newline. */
  private static String withSuffixes(long[] values, char letter) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    StringBuilder sb = new StringBuilder().append(total);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0) {
        sb.append(' ').append(letter).append(i).append('=').append(values[i]);
      }
    }
    return sb.append('\n').toString();
  }
}
