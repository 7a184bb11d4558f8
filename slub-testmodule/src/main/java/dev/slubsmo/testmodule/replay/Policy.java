package dev.slubsmo.testmodule.replay;

import dev.slubsmo.smo.Placement;

/**
 * What a replay machine does about fragmentation: nothing ({@code none}), a mainline {@code
 * kmem_cache_shrink} of every cache at the end ({@code shrink}), an SMO shrink of every cache at
 * the end with the kernel's or the minimal-move placement ({@code smo-kernel}, {@code
 * smo-minimal}), or the conditional {@code kmem_defrag_slabs} every {@code interval} events ({@code
 * defrag:N}).
 *
 * @param kind which of the five
 * @param interval events between two defrag runs; 0 unless {@code kind} is {@link Kind#DEFRAG}
 */
public record Policy(Kind kind, long interval) {
  /** The five policies. */
  public enum Kind {
    NONE,
    SHRINK,
    SMO_KERNEL,
    SMO_MINIMAL,
    DEFRAG
  }

  public static final Policy NONE = new Policy(Kind.NONE, 0);
  public static final Policy SHRINK = new Policy(Kind.SHRINK, 0);
  public static final Policy SMO_KERNEL = new Policy(Kind.SMO_KERNEL, 0);
  public static final Policy SMO_MINIMAL = new Policy(Kind.SMO_MINIMAL, 0);

  private static final String WORDS = "none, shrink, smo-kernel, smo-minimal or defrag:N (N > 0)";

  public Policy {
    if ((kind == Kind.DEFRAG) != (interval > 0)) {
      throw new IllegalArgumentException("defrag needs an interval > 0, and only defrag has one");
    }
  }

  public static Policy defrag(long interval) {
    return new Policy(Kind.DEFRAG, interval);
  }

  /**
   * The policy a command-line word names.
   *
   * @throws IllegalArgumentException naming the word and the accepted ones
   */
  public static Policy parse(String word) {
    switch (word) {
      case "none":
        return NONE;
      case "shrink":
        return SHRINK;
      case "smo-kernel":
        return SMO_KERNEL;
      case "smo-minimal":
        return SMO_MINIMAL;
      default:
        if (word.startsWith("defrag:")) {
          String n = word.substring("defrag:".length());
          if (!n.isEmpty() && n.length() <= 18 && n.chars().allMatch(Character::isDigit)) {
            long interval = Long.parseLong(n);
            if (interval > 0) {
              return defrag(interval);
            }
          }
        }
        throw new IllegalArgumentException("bad policy '" + word + "': expected " + WORDS);
    }
  }

  /** Whether the machine's caches get mobility callbacks (every SMO policy). */
  public boolean usesSmo() {
    return kind == Kind.SMO_KERNEL || kind == Kind.SMO_MINIMAL || kind == Kind.DEFRAG;
  }

  /** The placement an SMO shrink at the end uses, or null when there is none. */
  public Placement finalPlacement() {
    switch (kind) {
      case SMO_KERNEL:
        return Placement.KERNEL;
      case SMO_MINIMAL:
        return Placement.MINIMAL_MOVE;
      default:
        return null;
    }
  }

  /** The word {@link #parse} reads back. */
  public String word() {
    switch (kind) {
      case NONE:
        return "none";
      case SHRINK:
        return "shrink";
      case SMO_KERNEL:
        return "smo-kernel";
      case SMO_MINIMAL:
        return "smo-minimal";
      default:
        return "defrag:" + interval;
    }
  }

  @Override
  public String toString() {
    return word();
  }
}
