package dev.slubsmo.debug;

import dev.slubsmo.slab.Slab;
import java.util.List;

/** Collects the violations found in one cache, each message saying where it was found. */
final class Findings {
  private final List<Finding> out;
  private final String cache;

  Findings(List<Finding> out, String cache) {
    this.out = out;
    this.cache = cache;
  }

  void cache(Invariant inv, String detail) {
    add(out, inv, "cache " + cache, detail);
  }

  void node(Invariant inv, int node, String detail) {
    add(out, inv, "cache " + cache + ", node " + node, detail);
  }

  void cpu(Invariant inv, int cpu, String detail) {
    add(out, inv, "cache " + cache + ", cpu " + cpu, detail);
  }

  void slab(Invariant inv, Slab p, String detail) {
    add(out, inv, "cache " + cache + ", slab " + hex(p.base()), detail);
  }

  void object(Invariant inv, Slab p, long object, String detail) {
    add(out, inv, "cache " + cache + ", slab " + hex(p.base()) + ", object " + hex(object), detail);
  }

  /** A violation of the whole machine, outside any one cache. */
  static void add(List<Finding> out, Invariant inv, String where, String detail) {
    out.add(new Finding(inv, inv + " violated: " + where + ": " + detail));
  }

  static String hex(long v) {
    return String.format("0x%016x", v);
  }
}
