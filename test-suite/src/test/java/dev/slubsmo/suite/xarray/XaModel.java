package dev.slubsmo.suite.xarray;

import dev.slubsmo.testmodule.lang.IdRanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the {@code things} array must hold: the present indices and each one's marks, under the
 * XArray's rules (a store over a present index keeps its marks, an erase drops them, marking an
 * absent index does nothing).
 */
public final class XaModel {
  public static final int MARKS = 3;
  private final TreeMap<Long, Integer> entries = new TreeMap<>();

  /** The array {@code test_smo_xarray(nr, keep)} leaves: every multiple of keep below nr. */
  public static XaModel afterTest(long nr, long keep) {
    XaModel m = new XaModel();
    for (long i = 0; i < nr; i += keep) {
      m.entries.put(i, 0);
    }
    return m;
  }

  public boolean empty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  public void store(long index, long count) {
    for (long i = index; i < index + count; i++) {
      entries.putIfAbsent(i, 0);
    }
  }

  public void erase(long index, long count) {
    entries.subMap(index, index + count).clear();
  }

  public void mark(long index, int mark) {
    entries.computeIfPresent(index, (k, v) -> v | 1 << mark);
  }

  public void clear(long index, int mark) {
    entries.computeIfPresent(index, (k, v) -> v & ~(1 << mark));
  }

  /** The expected content of {@link XArrayModule#THINGS}, without its newline. */
  public String things() {
    StringBuilder sb = new StringBuilder(IdRanges.format(entries.keySet()));
    for (int mark = 0; mark < MARKS; mark++) {
      List<Long> marked = new ArrayList<>();
      for (Map.Entry<Long, Integer> e : entries.entrySet()) {
        if ((e.getValue() & 1 << mark) != 0) {
          marked.add(e.getKey());
        }
      }
      if (!marked.isEmpty()) {
        sb.append(sb.length() == 0 ? "" : " ")
            .append("mark")
            .append(mark)
            .append('=')
            .append(IdRanges.format(marked));
      }
    }
    return sb.toString();
  }

  /** Nodes of a tree holding indices {@code 0..n-1}: 64-slot levels up to a single root. */
  public static long nodesFor(long n) {
    long level = (n + 63) / 64;
    long total = level;
    while (level > 1) {
      level = (level + 63) / 64;
      total += level;
    }
    return total;
  }
}
