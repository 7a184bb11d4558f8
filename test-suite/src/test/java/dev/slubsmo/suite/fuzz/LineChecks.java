package dev.slubsmo.suite.fuzz;

import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.smo.Defrag;
import dev.slubsmo.suite.xarray.XArrayModule;
import dev.slubsmo.testmodule.lang.CommandException;
import dev.slubsmo.testmodule.lang.IdRanges;
import dev.slubsmo.testmodule.lang.Modules;
import dev.slubsmo.testmodule.lang.Session;
import dev.slubsmo.testmodule.module.SmoTestModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fuzzer's properties ({@link Property}), checked after each line against the session and the
 * {@link RefModel}. Each violation carries the script line that fails for the same reason on
 * replay. The checker runs on the caches the line can touch, and on the whole machine after a line
 * that can migrate objects (which also uses kmalloc scratch space) and at the end of a script.
 */
final class LineChecks {
  private final RefModel model;
  private final RunStats stats;
  private final Map<String, long[]> partialBefore = new LinkedHashMap<>();
  private String fileBefore;
  private long[] listed;

  LineChecks(RefModel model, RunStats stats) {
    this.model = model;
    this.stats = stats;
  }

  /** The module's ids in list order as the last checks read them, or null. */
  long[] listed() {
    return listed;
  }

  /** Reads what a line's checks compare against: node partial counts, a file's value. */
  void before(Line l, Session s) {
    partialBefore.clear();
    if (l.kind() == Kind.DEFRAG) {
      for (KmemCache c : movableCaches(s)) {
        long[] p = new long[c.nodeCount()];
        for (int n = 0; n < p.length; n++) {
          p[n] = c.node(n).nrPartial();
        }
        partialBefore.put(c.name(), p);
      }
    }
    fileBefore = null;
    if (l.file() != null && !l.file().equals("move") && s.cache(l.cache()) != null) {
      fileBefore = s.execute("cat " + path(l));
    }
  }

  /** Whether the line was carried out or refused as the model says it must be. */
  Violation acceptance(int i, Line l, RefModel.Outcome want, CommandException refusal) {
    if (want == RefModel.Outcome.SUCCEED && refusal != null) {
      return new Violation(Property.ACCEPTANCE, i, "refused: " + refusal.getMessage(), l.text());
    }
    if (want == RefModel.Outcome.REFUSE && refusal == null) {
      String repro =
          fileBefore != null
              ? "expect " + path(l) + " = " + strip(fileBefore)
              : "expect " + Modules.SMO_IDS + " = " + IdRanges.format(model.live.toList());
      return new Violation(Property.ACCEPTANCE, i, "carried out, expected a refusal", repro);
    }
    return null;
  }

  /** Every state property after line {@code i}; {@code whole} checks the whole machine. */
  Violation after(int i, Line l, Session s, CommandException refusal, boolean whole) {
    Violation v = refusalChangedNothing(i, l, s, refusal);
    long[] ids = v == null ? listedIds(s) : null;
    listed = ids;
    if (v == null) {
      v = invariants(i, l, s, ids, whole);
    }
    if (v == null) {
      v = objectSet(i, ids);
    }
    if (v == null && refusal == null && l.kind() == Kind.SHRINK) {
      v = shrinkFloor(i, l, s);
    }
    if (v == null && refusal == null && l.kind() == Kind.DEFRAG && !model.failslab()) {
      v = defragPartial(i, l, s);
    }
    if (v == null
        && model.xa != null
        && (l.kind().name().startsWith("XA_") || l.kind().migrates())) {
      v = xarrayContents(i, s);
    }
    return v;
  }

  private Violation refusalChangedNothing(int i, Line l, Session s, CommandException refusal) {
    if (refusal == null || fileBefore == null) {
      return null;
    }
    String now = s.execute("cat " + path(l));
    if (now.equals(fileBefore)) {
      return null;
    }
    return new Violation(
        Property.REFUSAL_NO_CHANGE,
        i,
        path(l) + " read '" + strip(fileBefore) + "', after the refused write '" + strip(now) + "'",
        "expect " + path(l) + " = " + strip(fileBefore));
  }

  private Violation invariants(int i, Line l, Session s, long[] ids, boolean whole) {
    SmoTestModule smo = s.smoModule();
    if (ids != null) {
      String problem = moduleConsistency(smo, ids);
      if (problem != null) {
        return new Violation(Property.INVARIANTS, i, problem, "check");
      }
    }
    List<String> found = new ArrayList<>();
    InvariantChecker.Tunables t = s.tunables();
    if (whole || l.kind().migrates()) {
      found.addAll(InvariantChecker.violations(s.machine(), t));
    } else {
      for (String name : touched()) {
        KmemCache c = s.cache(name);
        if (c != null) {
          found.addAll(InvariantChecker.violations(c, t));
        }
      }
    }
    return found.isEmpty()
        ? null
        : new Violation(Property.INVARIANTS, i, String.join("; ", found), "check");
  }

  private List<String> touched() {
    return model.xa == null
        ? List.of(SmoTestModule.CACHE)
        : List.of(SmoTestModule.CACHE, XArrayModule.THING_CACHE, XArrayModule.NODE_CACHE);
  }

  /**
   * The listed ids, each object's payload checked on the way; null outside strict mode or when an
   * object's payload is corrupted (reported by {@link #moduleConsistency}).
   */
  private long[] listedIds(Session s) {
    SmoTestModule smo = s.smoModule();
    if (smo == null || !model.strict) {
      return null;
    }
    List<Long> objects = smo.objects();
    long[] ids = new long[objects.size()];
    corrupted = -1;
    for (int k = 0; k < ids.length; k++) {
      long p = objects.get(k);
      ids[k] = smo.id(p);
      if (corrupted < 0 && ids[k] >= 0 && !smo.payloadIntact(p)) {
        corrupted = ids[k];
      }
    }
    return ids;
  }

  private long corrupted;

  /** What {@code check} asks of the module: distinct ids, intact payloads, a true count. */
  private String moduleConsistency(SmoTestModule smo, long[] ids) {
    java.util.BitSet seen = new java.util.BitSet();
    for (long id : ids) {
      if (id < 0 || id > Integer.MAX_VALUE) {
        continue;
      }
      if (seen.get((int) id)) {
        return "smo_test: id " + id + " listed twice";
      }
      seen.set((int) id);
    }
    if (corrupted >= 0) {
      return "smo_test: payload of id " + corrupted + " corrupted";
    }
    if (ids.length != smo.objectCount()) {
      return "smo_test: list holds " + ids.length + " objects, module counted " + smo.objectCount();
    }
    return null;
  }

  private Violation objectSet(int i, long[] ids) {
    if (ids == null || !model.smoLoaded) {
      return null;
    }
    boolean same = ids.length == model.live.size();
    for (int k = 0; same && k < ids.length; k++) {
      same = model.live.contains(ids[k]);
    }
    if (same) {
      return null;
    }
    Set<Long> lost = new HashSet<>(model.live.toList());
    Set<Long> extra = new HashSet<>();
    for (long id : ids) {
      lost.remove(id);
      if (!model.live.contains(id)) {
        extra.add(id);
      }
    }
    return new Violation(
        Property.OBJECT_SET,
        i,
        "smo_test lost ids ["
            + IdRanges.format(lost)
            + "], has unknown ids ["
            + IdRanges.format(extra)
            + "]",
        "expect " + Modules.SMO_IDS + " = " + IdRanges.format(model.live.toList()));
  }

  private Violation shrinkFloor(int i, Line l, Session s) {
    if (!l.cache().equals(SmoTestModule.CACHE)
        || !model.debug
        || !model.movable
        || model.failslab()
        || !model.strict) {
      return null;
    }
    stats.floorChecks++;
    KmemCache c = s.cache(SmoTestModule.CACHE);
    String dir = Line.SLAB + SmoTestModule.CACHE + "/";
    StringBuilder partialTerms = new StringBuilder();
    StringBuilder slabTerms = new StringBuilder();
    boolean partialOk = true;
    boolean slabsOk = true;
    StringBuilder why = new StringBuilder();
    for (int n = 0; n < c.nodeCount(); n++) {
      CacheNode node = c.node(n);
      long free = 0;
      long inusePartial = 0;
      for (Slab p : node.partial().toList()) {
        free += p.objects() - p.inuse();
        inusePartial += p.inuse();
      }
      long live = node.totalObjects() - free;
      boolean loneEmpty = !model.minimalMove && node.nrPartial() == 1 && inusePartial == 0;
      long want = (live + c.objsPerSlab() - 1) / c.objsPerSlab() + (loneEmpty ? 1 : 0);
      partialTerms.append(" N").append(n).append("<=1");
      slabTerms.append(" N").append(n).append("==").append(want);
      partialOk &= node.nrPartial() <= 1;
      slabsOk &= node.nrSlabs() == want;
      why.append(
          String.format(
              " N%d: %d slabs (want %d), %d partial, %d live;",
              n, node.nrSlabs(), want, node.nrPartial(), live));
    }
    if (partialOk && slabsOk) {
      return null;
    }
    String repro =
        !partialOk
            ? "expect " + dir + "partial" + partialTerms
            : "expect " + dir + "slabs" + slabTerms;
    return new Violation(Property.SHRINK_FLOOR, i, "after shrink:" + why, repro);
  }

  /**
   * Over the nodes {@code kmem_defrag_slabs} defragments (more than {@code MAX_PARTIAL} partial
   * slabs, and the named node if one was given): none ends with more partial slabs. Other nodes are
   * not defragmented; their lists can still grow when the defrag's allocations deactivate a CPU
   * slab of theirs, as any allocation on another node would.
   */
  private Violation defragPartial(int i, Line l, Session s) {
    long only = l.arg(0);
    for (Map.Entry<String, long[]> e : partialBefore.entrySet()) {
      KmemCache c = s.cache(e.getKey());
      long[] before = e.getValue();
      StringBuilder terms = new StringBuilder();
      boolean ok = true;
      for (int n = 0; n < before.length; n++) {
        if (before[n] > Defrag.MAX_PARTIAL && (only < 0 || only == n)) {
          stats.defragsOverThreshold++;
          terms.append(" N").append(n).append("<=").append(before[n]);
          ok &= c.node(n).nrPartial() <= before[n];
        }
      }
      if (!ok) {
        return new Violation(
            Property.DEFRAG_PARTIAL,
            i,
            e.getKey() + ": partial slabs per node went from " + Arrays.toString(before),
            "expect " + Line.SLAB + e.getKey() + "/partial" + terms);
      }
    }
    return null;
  }

  private Violation xarrayContents(int i, Session s) {
    String want = model.xa.things();
    String got;
    try {
      got = strip(s.execute("cat " + XArrayModule.THINGS));
    } catch (CommandException e) {
      return new Violation(
          Property.XARRAY_CONTENTS,
          i,
          "cannot read: " + e.getMessage(),
          "cat " + XArrayModule.THINGS);
    }
    return got.equals(want)
        ? null
        : new Violation(
            Property.XARRAY_CONTENTS,
            i,
            "things read '" + got + "', the model has '" + want + "'",
            "expect " + XArrayModule.THINGS + " = " + want);
  }

  private List<KmemCache> movableCaches(Session s) {
    List<KmemCache> out = new ArrayList<>();
    for (KmemCache c : s.machine().slub().caches()) {
      if (c.mobility() != null) {
        out.add(c);
      }
    }
    return out;
  }

  private static String path(Line l) {
    return Line.SLAB + l.cache() + "/" + l.file();
  }

  private static String strip(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
