package dev.slubsmo.testmodule.replay;

import java.util.Objects;
import java.util.Set;

/**
 * One machine of a replay: its policy, the label it is reported under, and, for SMO policies, which
 * caches get a migrate callback that moves objects and which get one that frees them.
 *
 * @param label the name in reports (the policy word unless a run compares several setups of one
 *     policy)
 * @param policy what the machine does about fragmentation
 * @param movable the caches whose objects SMO moves; null for every cache not {@code reclaimable}
 * @param reclaimable the caches SMO treats as reclaim: every object asked to move is freed instead
 *     (a per-object {@code DONT_NEED} answer), as a cache of unused dentries could be shrunk
 */
public record PolicySetup(
    String label, Policy policy, Set<String> movable, Set<String> reclaimable) {

  /** What SMO may do with a cache's objects on this machine. */
  public enum Role {
    /** No callbacks: SMO leaves the cache alone. */
    FIXED,
    /** Migrate moves each object. */
    MOVE,
    /** Migrate frees each object. */
    RECLAIM
  }

  public PolicySetup {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(policy, "policy");
    movable = movable == null ? null : Set.copyOf(movable);
    reclaimable = Set.copyOf(reclaimable);
    if (movable != null) {
      for (String name : reclaimable) {
        if (movable.contains(name)) {
          throw new IllegalArgumentException(
              "cache '" + name + "' cannot be both movable and reclaimable");
        }
      }
    }
  }

  /** The policy under its own word, every cache movable. */
  public static PolicySetup of(Policy policy) {
    return new PolicySetup(policy.word(), policy, null, Set.of());
  }

  public Role roleOf(String cache) {
    if (!policy.usesSmo()) {
      return Role.FIXED;
    }
    if (reclaimable.contains(cache)) {
      return Role.RECLAIM;
    }
    return movable == null || movable.contains(cache) ? Role.MOVE : Role.FIXED;
  }
}
