package dev.slubsmo.suite.python;

import java.util.ArrayList;
import java.util.List;

/**
 * One machine the ported suite runs on: {@code slub_debug} on (FZPU, the suite's own setting) or
 * off, 1, 2 or 4 nodes (two CPUs each), and the SMO shrink placement.
 */
public record SuiteMachine(boolean debug, int nodes, String placement) {
  /** Every combination: debug on and off, 1/2/4 nodes, kernel and minimal-move placement. */
  public static List<SuiteMachine> all() {
    List<SuiteMachine> out = new ArrayList<>();
    for (boolean debug : new boolean[] {true, false}) {
      for (int nodes : new int[] {1, 2, 4}) {
        for (String placement : new String[] {"kernel", "minimal-move"}) {
          out.add(new SuiteMachine(debug, nodes, placement));
        }
      }
    }
    return out;
  }

  /** The {@code machine} line that boots it. */
  public String line() {
    return "machine nodes=" + nodes + (debug ? " slub_debug=FZPU" : "") + " placement=" + placement;
  }

  public boolean minimalMove() {
    return placement.equals("minimal-move");
  }

  @Override
  public String toString() {
    return (debug ? "slub_debug=FZPU" : "no debug (spec 4.4 expectation)")
        + ", "
        + nodes
        + " node"
        + (nodes == 1 ? "" : "s")
        + ", "
        + placement;
  }
}
