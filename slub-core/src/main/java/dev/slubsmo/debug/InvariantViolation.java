package dev.slubsmo.debug;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Thrown by {@link InvariantChecker#check} when the state breaks invariants; the message holds one
 * line per violation, each naming the invariant, the cache, and the slab and object where they
 * apply.
 */
public final class InvariantViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Finding> findings;

  InvariantViolation(List<Finding> findings) {
    super(String.join("\n", Finding.messages(findings)));
    this.findings = List.copyOf(findings);
  }

  /** The first invariant violated. */
  public Invariant invariant() {
    return findings.get(0).invariant();
  }

  /** Every invariant violated. */
  public Set<Invariant> invariants() {
    Set<Invariant> out = EnumSet.noneOf(Invariant.class);
    for (Finding f : findings) {
      out.add(f.invariant());
    }
    return out;
  }

  /** One message per violation. */
  public List<String> violations() {
    return Finding.messages(findings);
  }
}
