package dev.slubsmo.debug;

import dev.slubsmo.Machine;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asserts the model's invariants (spec slub-model.md section 12, smo.md section 15) at a quiescent
 * point: no slab operation in progress on any thread. It reads state only, takes no lock and
 * changes nothing.
 *
 * <p>Algorithm, per cache: the geometry and tunables (1-4); a census of every slab, found through
 * the page allocator's frame owners and through every reference the cache holds (CPU slabs, CPU
 * chains, node lists); a walk of every page and CPU freelist in simulated memory with one bitmap
 * per slab; then each slab's counters and placement (5-13, 26, 30), the node and CPU counters
 * (13-19, 27) and the sysfs sums (21-23). Across caches: movable caches first (31). The cost is
 * linear in slabs, free objects, CPUs, nodes and allocated page frames.
 *
 * <p>Where two invariants state the same fact, a violation is reported under each; the one
 * exception is a full slab on a partial list, reported only as 30. Not modelled: invariant 19's
 * "only grows" (needs history); the spec's exceptions for debug repairs ({@code on_freelist} can
 * leave a full slab on a partial list, reported as 30) and for orphaned frozen slabs (spec 3.3,
 * reported as 26); slabs of a cache whose destroy failed and that left the cache list.
 */
public final class InvariantChecker {
  /** What the caller vouches for about runtime writes to cache geometry and tunables. */
  public enum Tunables {
    /**
     * No cache's order, debug flags, {@code cpu_partial} or {@code min_partial} was written after
     * creation: the creation-time parts of invariants 2-4 and the {@code min_partial} bound of 13
     * are checked.
     */
    AS_CREATED,
    /** Some may have been written through sysfs: those parts are skipped. */
    WRITTEN
  }

  private InvariantChecker() {}

  /** Checks every cache of the machine and the cache list, with {@link Tunables#AS_CREATED}. */
  public static void check(Machine m) {
    check(m, Tunables.AS_CREATED);
  }

  /**
   * @throws InvariantViolation naming every violated invariant
   */
  public static void check(Machine m, Tunables t) {
    throwIfAny(findings(m, t));
  }

  /** Checks one cache, with {@link Tunables#AS_CREATED}. */
  public static void check(KmemCache s) {
    check(s, Tunables.AS_CREATED);
  }

  /**
   * @throws InvariantViolation naming every violated invariant
   */
  public static void check(KmemCache s, Tunables t) {
    throwIfAny(findings(s, t));
  }

  /** Every violation in the machine, one message each; empty when all invariants hold. */
  public static List<String> violations(Machine m) {
    return violations(m, Tunables.AS_CREATED);
  }

  /** Every violation in the machine under the given assumption about tunables. */
  public static List<String> violations(Machine m, Tunables t) {
    return Finding.messages(findings(m, t));
  }

  /** Every violation in one cache, one message each. */
  public static List<String> violations(KmemCache s) {
    return violations(s, Tunables.AS_CREATED);
  }

  /** Every violation in one cache under the given assumption about tunables. */
  public static List<String> violations(KmemCache s, Tunables t) {
    return Finding.messages(findings(s, t));
  }

  private static void throwIfAny(List<Finding> findings) {
    if (!findings.isEmpty()) {
      throw new InvariantViolation(findings);
    }
  }

  static List<Finding> findings(Machine m, Tunables t) {
    List<KmemCache> caches = m.slub().caches();
    Map<KmemCache, List<Slab>> owned = new IdentityHashMap<>();
    for (KmemCache s : caches) {
      owned.put(s, new ArrayList<>());
    }
    m.pages()
        .forEachOwner(
            o -> {
              if (o instanceof Slab p) {
                List<Slab> list = owned.get(p.cache());
                if (list != null) {
                  list.add(p);
                }
              }
            });
    List<Finding> out = new ArrayList<>();
    for (KmemCache s : caches) {
      checkCache(s, owned.get(s), t, out);
    }
    movablePrefix(caches, out);
    return out;
  }

  static List<Finding> findings(KmemCache s, Tunables t) {
    List<Slab> owned = new ArrayList<>();
    s.slub()
        .pages()
        .forEachOwner(
            o -> {
              if (o instanceof Slab p && p.cache() == s) {
                owned.add(p);
              }
            });
    List<Finding> out = new ArrayList<>();
    checkCache(s, owned, t, out);
    return out;
  }

  private static void checkCache(KmemCache s, List<Slab> owned, Tunables t, List<Finding> out) {
    Findings f = new Findings(out, s.name());
    boolean asCreated = t == Tunables.AS_CREATED;
    GeometryChecks.check(s, asCreated, f);
    SlabCensus census = SlabCensus.take(s, owned, f);
    FreelistWalk.walk(census, f);
    SlabChecks.check(census, f);
    CounterChecks.check(census, asCreated, f);
    SysfsSums.check(census, f);
  }

  /** Invariant 31: once a cache without mobility is met, no movable cache follows. */
  private static void movablePrefix(List<KmemCache> caches, List<Finding> out) {
    KmemCache unmovable = null;
    for (KmemCache s : caches) {
      if (s.mobility() == null) {
        if (unmovable == null) {
          unmovable = s;
        }
      } else if (unmovable != null) {
        Findings.add(
            out,
            Invariant.MOVABLE_PREFIX,
            "slab_caches",
            "movable cache " + s.name() + " comes after " + unmovable.name());
      }
    }
  }
}
