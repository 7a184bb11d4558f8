package dev.slubsmo.testmodule.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A sorted list of ids written as ranges, {@code 0-4,7,9-12}, as the kernel prints CPU lists. A run
 * continues only while each id is one more than the last, so a repeated id starts a new run and
 * shows ({@code 1-2,2-3}).
 */
public final class IdRanges {
  private IdRanges() {}

  /** The ids, sorted, as ranges; the empty string for none. */
  public static String format(Collection<Long> ids) {
    List<Long> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
        j++;
      }
      sb.append(sb.length() == 0 ? "" : ",").append(sorted.get(i));
      if (j > i) {
        sb.append('-').append(sorted.get(j));
      }
      i = j + 1;
    }
    return sb.toString();
  }
}
