package dev.slubsmo.suite.fuzz;

import dev.slubsmo.testmodule.lang.IdRanges;
import dev.slubsmo.testmodule.lang.Modules;
import dev.slubsmo.testmodule.module.SmoTestModule;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code smo_test} objects after a line: the module's own consistency, as {@code check} asks it
 * (distinct ids, intact payloads, a count that matches the list; negative ids are not strict mode's
 * and are left to the id set), and the id set against the model's.
 */
final class ObjectChecks {
  private ObjectChecks() {}

  /** The listed ids in list order, and the first id whose payload is corrupted (or -1). */
  record Listed(long[] ids, long corrupted) {
    static Listed read(SmoTestModule smo) {
      List<Long> objects = smo.objects();
      long[] ids = new long[objects.size()];
      long corrupted = -1;
      for (int k = 0; k < ids.length; k++) {
        long p = objects.get(k);
        ids[k] = smo.id(p);
        if (corrupted < 0 && ids[k] >= 0 && !smo.payloadIntact(p)) {
          corrupted = ids[k];
        }
      }
      return new Listed(ids, corrupted);
    }
  }

  /** What {@code check} reports about the module, or null. */
  static String consistency(SmoTestModule smo, Listed listed) {
    BitSet seen = new BitSet();
    for (long id : listed.ids()) {
      if (id < 0 || id > Integer.MAX_VALUE) {
        continue;
      }
      if (seen.get((int) id)) {
        return "smo_test: id " + id + " listed twice";
      }
      seen.set((int) id);
    }
    if (listed.corrupted() >= 0) {
      return "smo_test: payload of id " + listed.corrupted() + " corrupted";
    }
    if (listed.ids().length != smo.objectCount()) {
      return "smo_test: list holds "
          + listed.ids().length
          + " objects, module counted "
          + smo.objectCount();
    }
    return null;
  }

  /** No object lost, none duplicated or unknown: the listed ids are exactly the model's. */
  static Violation objectSet(int i, long[] ids, LiveIds live) {
    boolean same = ids.length == live.size();
    for (int k = 0; same && k < ids.length; k++) {
      same = live.contains(ids[k]);
    }
    if (same) {
      return null;
    }
    Set<Long> lost = new HashSet<>(live.toList());
    Set<Long> extra = new HashSet<>();
    for (long id : ids) {
      lost.remove(id);
      if (!live.contains(id)) {
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
        "expect " + Modules.SMO_IDS + " = " + IdRanges.format(live.toList()));
  }
}
