package dev.slubsmo.testmodule.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slubsmo.testmodule.trace.LifetimeStats;

/**
 * A replay's findings as JSON: {@code events}, {@code seconds}, {@code malformed_lines}, the
 * trace-wide counts, {@code policies} (each {@code {policy, total_pages, floor_pages, caches}} with
 * one object per cache) and {@code lifetimes} per cache. Everything but {@code seconds} is the same
 * for the same trace, options and seed.
 */
public final class ReplayJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReplayJson() {}

  public static String render(ReplayResult r) {
    try {
      return MAPPER.writeValueAsString(tree(r)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("replay JSON", e);
    }
  }

  static ObjectNode tree(ReplayResult r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("trace", r.trace());
    root.put("events", r.events());
    root.put("seconds", r.seconds());
    root.put("malformed_lines", r.malformedLines());
    root.put("seed", r.seed());
    root.put("duration_ns", r.durationNanos());
    root.put("old_after_ns", r.oldAfterNanos());
    root.put("null_frees", r.nullFrees());
    root.put("failed_allocs", r.failedAllocs());
    root.put("non_slab_kmallocs", r.nonSlab());
    root.put("unmatched_kfrees", r.unmatchedKfrees());
    root.put("unattributed_frees", r.unattributedFrees());
    ArrayNode warnings = root.putArray("warnings");
    r.warnings().forEach(warnings::add);
    ArrayNode policies = root.putArray("policies");
    for (PolicyResult p : r.policies()) {
      policies.add(policy(p));
    }
    ArrayNode lifetimes = root.putArray("lifetimes");
    for (CacheLifetime c : r.lifetimes()) {
      lifetimes.add(lifetime(r, c));
    }
    return root;
  }

  private static ObjectNode policy(PolicyResult p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("policy", p.label());
    o.put("kind", p.setup().policy().word());
    if (p.setup().movable() == null) {
      o.put("movable", "all");
    } else {
      ArrayNode movable = o.putArray("movable");
      p.setup().movable().stream().sorted().forEach(movable::add);
    }
    ArrayNode reclaimable = o.putArray("reclaimable");
    p.setup().reclaimable().stream().sorted().forEach(reclaimable::add);
    o.put("total_pages", p.totalPages());
    o.put("floor_pages", p.floorPages());
    o.put("total_bytes", p.totalPages() * Units.PAGE_SIZE);
    o.put("floor_bytes", p.floorPages() * Units.PAGE_SIZE);
    if (p.kernelPages() >= 0) {
      o.put("kernel_pages", p.kernelPages());
      o.put("kernel_floor_pages", p.kernelFloorPages());
      o.put("kernel_bytes", p.kernelPages() * Units.PAGE_SIZE);
    }
    ArrayNode caches = o.putArray("caches");
    for (CacheResult c : p.caches()) {
      caches.add(cache(c));
    }
    numbers(o.putArray("occupancy_end"), p.occupancyEnd());
    numbers(o.putArray("occupancy_after"), p.occupancyAfter());
    numbers(o.putArray("timeline_ns"), p.timelineNanos());
    numbers(o.putArray("timeline_pages"), p.timelinePages());
    return o;
  }

  private static ObjectNode cache(CacheResult c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", c.name());
    o.put("events", c.events());
    o.put("allocs", c.allocs());
    o.put("frees", c.frees());
    o.put("unmatched_frees", c.unmatchedFrees());
    o.put("reallocated", c.reallocated());
    o.put("prepopulated", c.prepopulated());
    o.put("prepopulated_freed", c.prepopulatedFreed());
    o.put("live", c.live());
    o.put("objs_per_slab", c.objsPerSlab());
    o.put("order", c.order());
    o.put("slabs", c.slabs());
    o.put("partial", c.partial());
    o.put("floor", c.floor());
    o.put("moved", c.moved());
    o.put("min_moves", c.minMoves());
    o.put("reclaimed", c.reclaimed());
    o.put("freed_after_reclaim", c.freedAfterReclaim());
    o.put("old_pinned_slabs", c.oldPinnedSlabs());
    if (c.kernel() != null) {
      o.put("kernel_slabs", c.kernel().slabs());
      o.put("kernel_objects", c.kernel().objects());
      o.put("kernel_partial", c.kernel().partial());
      if (c.kernel().slabs() > 0) {
        o.put("ratio_to_kernel", Math.round(1e4 * c.slabs() / c.kernel().slabs()) / 1e4);
      }
    }
    return o;
  }

  private static ObjectNode lifetime(ReplayResult r, CacheLifetime c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", c.name());
    o.set("freed", distribution(c.stats().lifetimes()));
    o.set("live", distribution(c.stats().liveAges()));
    o.put("unmatched_frees", c.stats().unmatchedFrees());
    o.put("reallocated_before_free", c.stats().reallocatedBeforeFree());
    o.put("old_live", c.oldLive());
    ObjectNode pinned = o.putObject("old_pinned_slabs");
    for (PolicyResult p : r.policies()) {
      CacheResult cr = p.cache(c.name());
      if (cr != null) {
        pinned.put(p.label(), cr.oldPinnedSlabs());
      }
    }
    return o;
  }

  private static ObjectNode distribution(LifetimeStats.Distribution d) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("count", d.count());
    o.put("p50_ns", d.p50Nanos());
    o.put("p90_ns", d.p90Nanos());
    o.put("p99_ns", d.p99Nanos());
    o.put("max_ns", d.maxNanos());
    ArrayNode bins = o.putArray("log2_us");
    d.log2Micros().forEach(bins::add);
    return o;
  }

  private static void numbers(ArrayNode into, long[] values) {
    for (long v : values) {
      into.add(v);
    }
  }
}
