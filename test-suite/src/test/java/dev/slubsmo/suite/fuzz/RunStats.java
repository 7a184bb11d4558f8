package dev.slubsmo.suite.fuzz;

import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.StatItem;
import java.util.EnumSet;
import java.util.Set;

/**
 * What fuzzing did, summed over runs: lines per {@link Kind}, objects moved and slabs emptied by
 * SMO, the highest fragmentation seen in {@code smo_test} (free slots over all slots, and slabs
 * beyond the floor {@code ceil(live/objs_per_slab)}), and which stat counters ever moved.
 */
final class RunStats {
  final long[] perKind = new long[Kind.values().length];
  long commands;
  long runs;
  long moved;
  long emptied;
  long maxFreeSlots;
  long maxFreeSlotsOf;
  long maxExcessSlabs;
  long floorChecks;
  long defragsOverThreshold;

  /** CPU time the runs took on their threads: a rate that does not depend on other load. */
  long cpuNanos;

  final Set<StatItem> hit = EnumSet.noneOf(StatItem.class);

  void line(Kind k) {
    perKind[k.ordinal()]++;
    commands++;
  }

  /** Samples {@code smo_test} after a line; {@code live} is the model's count. */
  void fragmentation(KmemCache c, long live) {
    if (live == 0) {
      return;
    }
    long slots = 0;
    long slabs = 0;
    for (int n = 0; n < c.nodeCount(); n++) {
      slots += c.node(n).totalObjects();
      slabs += c.node(n).nrSlabs();
    }
    long free = slots - live;
    if (slots > 0 && (maxFreeSlotsOf == 0 || free * maxFreeSlotsOf > maxFreeSlots * slots)) {
      maxFreeSlots = free;
      maxFreeSlotsOf = slots;
    }
    maxExcessSlabs =
        Math.max(maxExcessSlabs, slabs - (live + c.objsPerSlab() - 1) / c.objsPerSlab());
  }

  /** Takes a run's counters from a cache at its end. */
  void counters(KmemCache c) {
    for (StatItem item : StatItem.values()) {
      long sum = 0;
      for (int cpu = 0; cpu < c.cpuCount(); cpu++) {
        sum += c.cpuSlab(cpu).stat(item);
      }
      if (sum != 0) {
        hit.add(item);
      }
      if (item == StatItem.SMO_OBJECTS_MOVED) {
        moved += sum;
      } else if (item == StatItem.SMO_SLABS_EMPTIED) {
        emptied += sum;
      }
    }
  }

  void add(RunStats o) {
    for (int i = 0; i < perKind.length; i++) {
      perKind[i] += o.perKind[i];
    }
    commands += o.commands;
    runs += o.runs;
    moved += o.moved;
    emptied += o.emptied;
    if (o.maxFreeSlotsOf > 0
        && (maxFreeSlotsOf == 0
            || o.maxFreeSlots * maxFreeSlotsOf > maxFreeSlots * o.maxFreeSlotsOf)) {
      maxFreeSlots = o.maxFreeSlots;
      maxFreeSlotsOf = o.maxFreeSlotsOf;
    }
    maxExcessSlabs = Math.max(maxExcessSlabs, o.maxExcessSlabs);
    floorChecks += o.floorChecks;
    cpuNanos += o.cpuNanos;
    defragsOverThreshold += o.defragsOverThreshold;
    hit.addAll(o.hit);
  }
}
