package dev.slubsmo.testmodule.live;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A SLUB count attribute as show_slab_objects() prints it: the total, then {@code N<node>=<count>}
 * for each node whose count is not zero (nothing per node on a kernel without CONFIG_NUMA).
 */
public record NodeCounts(long total, SortedMap<Integer, Long> perNode) {

  public NodeCounts {
    perNode = Collections.unmodifiableSortedMap(new TreeMap<>(perNode));
  }

  /** Parses the text of one count attribute; {@code source} names the file for the error. */
  public static NodeCounts parse(String text, Path source) {
    String[] tokens = text.trim().split(" +");
    try {
      long total = Long.parseLong(tokens[0]);
      SortedMap<Integer, Long> perNode = new TreeMap<>();
      for (int i = 1; i < tokens.length; i++) {
        String token = tokens[i];
        int eq = token.indexOf('=');
        if (!token.startsWith("N") || eq < 2) {
          throw new NumberFormatException(token);
        }
        perNode.put(
            Integer.parseInt(token.substring(1, eq)), Long.parseLong(token.substring(eq + 1)));
      }
      return new NodeCounts(total, perNode);
    } catch (NumberFormatException e) {
      throw new LiveKernelException(
          source + ": expected '<total> N<node>=<count>...', got '" + text.trim() + "'", e);
    }
  }

  /** The count on each node; the total stands for one node when no per-node values were printed. */
  public Collection<Long> nodeValues() {
    return perNode.isEmpty() ? List.of(total) : perNode.values();
  }
}
