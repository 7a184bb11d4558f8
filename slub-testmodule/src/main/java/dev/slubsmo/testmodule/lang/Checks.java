package dev.slubsmo.testmodule.lang;

import dev.slubsmo.Machine;
import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.debug.InvariantViolation;
import dev.slubsmo.testmodule.module.SmoTestModule;

/** The {@code check} command: the invariant checker, then each loaded module's own checks. */
final class Checks {
  private Checks() {}

  /** Null when everything holds, else what does not. */
  static String run(Machine m, InvariantChecker.Tunables t, SmoTestModule smo, Modules modules) {
    try {
      InvariantChecker.check(m, t);
    } catch (InvariantViolation v) {
      return v.getMessage();
    }
    if (smo != null) {
      String s = smoConsistency(smo);
      if (s != null) {
        return s;
      }
    }
    return modules.check();
  }

  /** Every listed object is a distinct object with its payload intact (strict mode ids). */
  private static String smoConsistency(SmoTestModule smo) {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (long p : smo.objects()) {
      long id = smo.id(p);
      if (id < 0) {
        continue;
      }
      if (!ids.add(id)) {
        return "smo_test: id " + id + " listed twice";
      }
      if (!smo.payloadIntact(p)) {
        return "smo_test: payload of id " + id + " corrupted";
      }
    }
    if (smo.objects().size() != smo.objectCount()) {
      return "smo_test: list holds "
          + smo.objects().size()
          + " objects, module counted "
          + smo.objectCount();
    }
    return null;
  }
}
