package dev.slubsmo.sysfs;

import dev.slubsmo.debug.Tracks;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.SlabFlags;
import dev.slubsmo.slab.StatItem;
import dev.slubsmo.smo.Mobility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribute table of a cache directory ({@code slab_attrs[]}) in the SMO tree with SLUB debug,
 * NUMA, DMA, statistics, failslab and {@code SLUB_SMO_NODE} configured: {@code ops} replaces {@code
 * ctor}; {@code move}, {@code balance} and {@code defrag_used_ratio} are SMO's; one stat file per
 * {@link StatItem}, SMO's counters included. The model adds {@code failslab_probability}, {@code
 * failslab_interval} and {@code failslab_times}, a per-cache fault attribute (see {@link
 * FailslabKnobs}).
 */
final class SlabAttributes {
  private static final Map<String, SlabAttribute> BY_NAME = new LinkedHashMap<>();

  static {
    ro("slab_size", s -> line(s.size()));
    ro("object_size", s -> line(s.objectSize()));
    ro("objs_per_slab", s -> line(s.objsPerSlab()));
    rw("order", s -> line(s.order()), TunableStores::order);
    rw("min_partial", s -> line(s.minPartial()), TunableStores::minPartial);
    rw("cpu_partial", s -> line(s.cpuPartial()), TunableStores::cpuPartial);
    ro("objects", SlabCounts::objects);
    ro("objects_partial", SlabCounts::objectsPartial);
    ro("partial", SlabCounts::partial);
    ro("cpu_slabs", SlabCounts::cpuSlabs);
    ro("ops", SlabAttributes::ops);
    ro("aliases", s -> line(s.refcount() < 0 ? 0 : s.refcount() - 1));
    ro("align", s -> line(s.align()));
    ro("hwcache_align", flag(SlabFlags.HWCACHE_ALIGN));
    rw("reclaim_account", flag(SlabFlags.RECLAIM_ACCOUNT), FlagStores::reclaimAccount);
    ro("destroy_by_rcu", flag(SlabFlags.TYPESAFE_BY_RCU));
    rw("shrink", SlabAttributes::empty, ActionStores::shrink);
    rw("move", SlabAttributes::empty, ActionStores::move);
    rw("balance", SlabAttributes::empty, ActionStores::balance);
    ro("slabs_cpu_partial", SlabCounts::slabsCpuPartial);
    ro("total_objects", SlabCounts::totalObjects);
    ro("slabs", SlabCounts::slabs);
    rw("sanity_checks", flag(SlabFlags.CONSISTENCY_CHECKS), FlagStores::sanityChecks);
    rw("trace", flag(SlabFlags.TRACE), FlagStores::trace);
    rw("red_zone", flag(SlabFlags.RED_ZONE), FlagStores::redZone);
    rw("poison", flag(SlabFlags.POISON), FlagStores::poison);
    rw("store_user", flag(SlabFlags.STORE_USER), FlagStores::storeUser);
    rw("validate", SlabAttributes::empty, ActionStores::validate);
    ro("alloc_calls", s -> LocationList.show(s, Tracks.ALLOC));
    ro("free_calls", s -> LocationList.show(s, Tracks.FREE));
    rw("defrag_used_ratio", s -> line(s.defragUsedRatio()), TunableStores::defragUsedRatio);
    ro("cache_dma", flag(SlabFlags.CACHE_DMA));
    rw(
        "remote_node_defrag_ratio",
        s -> line(s.remoteNodeDefragRatio() / 10),
        TunableStores::remoteNodeDefragRatio);
    for (StatItem item : StatItem.values()) {
      rw(
          item.fileName(),
          s -> SlabCounts.stat(s, item),
          (s, value, cpu) -> ActionStores.clearStat(s, value, item));
    }
    rw("failslab", flag(SlabFlags.FAILSLAB), FlagStores::failslab);
    rw("failslab_probability", FailslabKnobs::probability, FailslabKnobs::storeProbability);
    rw("failslab_interval", FailslabKnobs::interval, FailslabKnobs::storeInterval);
    rw("failslab_times", FailslabKnobs::times, FailslabKnobs::storeTimes);
    ro("usersize", s -> line(s.usersize()));
  }

  private SlabAttributes() {}

  /** The attribute called {@code name}, or null. */
  static SlabAttribute byName(String name) {
    return BY_NAME.get(name);
  }

  /** Every attribute name, in table order. */
  static List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(BY_NAME.keySet()));
  }

  private static void ro(String name, SlabAttribute.Show show) {
    BY_NAME.put(name, new SlabAttribute(name, show, null));
  }

  private static void rw(String name, SlabAttribute.Show show, SlabAttribute.Store store) {
    BY_NAME.put(name, new SlabAttribute(name, show, store));
  }

  static String line(long value) {
    return value + "\n";
  }

  private static SlabAttribute.Show flag(int flag) {
    return s -> line((s.flags() & flag) != 0 ? 1 : 0);
  }

  /** The show routine of a file that only acts on writes. */
  private static String empty(KmemCache s) {
    return "";
  }

  /** {@code ops_show}: one line each for ctor, isolate and migrate, when present. */
  private static String ops(KmemCache s) {
    StringBuilder sb = new StringBuilder();
    if (s.ctor() != null) {
      sb.append("ctor : ").append(s.ctor().symbol()).append('\n');
    }
    Mobility m = s.mobility();
    if (m != null && m.isolate() != null) {
      sb.append("isolate : ").append(m.isolate().symbol()).append('\n');
    }
    if (m != null) {
      sb.append("migrate : ").append(m.symbol()).append('\n');
    }
    return sb.toString();
  }
}
