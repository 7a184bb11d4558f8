package dev.slubsmo.suite.fuzz;

import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.suite.xarray.XArrayModule;
import dev.slubsmo.testmodule.lang.CommandException;
import dev.slubsmo.testmodule.lang.IdRanges;
import dev.slubsmo.testmodule.lang.Modules;
import dev.slubsmo.testmodule.lang.Session;
import dev.slubsmo.testmodule.module.SmoTestModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fuzzer's properties ({@link Property}), checked after each line against the session and the
 * {@link RefModel}. Each violation carries the script line that fails for the same reason on
 * replay. The invariant checker runs on the caches the line can touch, and on the whole machine
 * after the lines {@link Kind#checksWholeMachine} names and at the end of a script.
 */
final class LineChecks {
  private final RefModel model;
  private final RunStats stats;
  private final Map<KmemCache, long[]> partialBefore = new LinkedHashMap<>();
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
        partialBefore.put(c, p);
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
    SmoTestModule smo = s.smoModule();
    ObjectChecks.Listed ids =
        v == null && smo != null && model.strict ? ObjectChecks.Listed.read(smo) : null;
    listed = ids == null ? null : ids.ids();
    if (v == null) {
      v = invariants(i, l, s, ids, whole);
    }
    if (v == null && ids != null && model.smoLoaded) {
      v = ObjectChecks.objectSet(i, ids.ids(), model.live);
    }
    if (v == null && refusal == null && l.kind() == Kind.SHRINK && floorApplies(l)) {
      stats.floorChecks++;
      v = SlabCountChecks.shrinkFloor(i, s.cache(SmoTestModule.CACHE), model.minimalMove);
    }
    if (v == null && refusal == null && l.kind() == Kind.DEFRAG && !model.failslab()) {
      v = SlabCountChecks.defragPartial(i, partialBefore, l.arg(0), stats);
    }
    if (v == null
        && model.xa != null
        && (l.kind().name().startsWith("XA_") || l.kind().checksWholeMachine())) {
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

  private Violation invariants(
      int i, Line l, Session s, ObjectChecks.Listed listed, boolean whole) {
    if (listed != null) {
      String problem = ObjectChecks.consistency(s.smoModule(), listed);
      if (problem != null) {
        return new Violation(Property.INVARIANTS, i, problem, "check");
      }
    }
    List<String> found = new ArrayList<>();
    InvariantChecker.Tunables t = s.tunables();
    if (whole || l.kind().checksWholeMachine()) {
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

  /** Whether the shrink floor applies: a movable debug smo_test, every allocation succeeding. */
  private boolean floorApplies(Line l) {
    return l.cache().equals(SmoTestModule.CACHE)
        && model.debug
        && model.movable
        && !model.failslab()
        && model.strict;
  }

  private Violation xarrayContents(int i, Session s) {
    String want = model.xa.things();
    String got;
    try {
      got = strip(s.execute("cat " + XArrayModule.THINGS));
    } catch (RuntimeException e) {
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
