package dev.slubsmo.debug;

import java.util.ArrayList;
import java.util.List;

/** One violated invariant with its message. */
record Finding(Invariant invariant, String message) {
  static List<String> messages(List<Finding> findings) {
    List<String> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      out.add(f.message());
    }
    return out;
  }
}
