package dev.slubsmo.suite.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shrinks a failing script while it keeps failing the same way ({@link Violation#sameAs}): cut
 * after the failing line, delta debugging over the lines after the {@code machine} line (drop
 * chunks, halving their size), then smaller numbers (0, 1, half, one less) in every numeric word
 * but a machine's seed, repeated until nothing changes (at most four rounds). Each candidate is a
 * fresh replay on the same planted session.
 */
final class Minimizer {
  /** Integers a script may shrink: plain, {@code key=} for machine shape, {@code N}-prefixed. */
  private static final Pattern NUMBER = Pattern.compile("(?<=^|[ =N])(\\d+)(?=$|[ ,])");

  private final Plant plant;
  private List<String> lines;
  private Violation violation;
  private int replays;

  private Minimizer(Plant plant, List<String> lines, Violation violation) {
    this.plant = plant;
    this.lines = new ArrayList<>(lines.subList(0, violation.line() + 1));
    this.violation = violation;
  }

  /** The minimized script and its violation. */
  record Result(List<String> lines, Violation violation, int replays) {}

  static Result minimize(List<String> lines, Violation v, Plant plant) {
    Minimizer m = new Minimizer(plant, lines, v);
    for (int round = 0; round < 4; round++) {
      List<String> before = List.copyOf(m.lines);
      m.deltaDebug();
      m.smallerNumbers();
      if (m.lines.equals(before)) {
        break;
      }
    }
    return new Result(List.copyOf(m.lines), m.violation, m.replays);
  }

  /** Replays a candidate; keeps it (cut at its failing line) when it fails the same way. */
  private boolean accept(List<String> candidate) {
    replays++;
    Harness.Run run = Harness.replay(candidate, plant);
    if (!violation.sameAs(run.violation())) {
      return false;
    }
    lines = new ArrayList<>(run.lines());
    violation = run.violation();
    return true;
  }

  private void deltaDebug() {
    int chunks = 2;
    while (lines.size() > 2) {
      List<String> rest = lines.subList(1, lines.size());
      int n = rest.size();
      chunks = Math.min(chunks, n);
      boolean removed = false;
      for (int c = 0; c < chunks && !removed; c++) {
        int from = c * n / chunks;
        int to = (c + 1) * n / chunks;
        List<String> candidate = new ArrayList<>(lines.subList(0, 1));
        candidate.addAll(rest.subList(0, from));
        candidate.addAll(rest.subList(to, n));
        removed = accept(candidate);
      }
      if (removed) {
        chunks = Math.max(chunks - 1, 2);
      } else if (chunks < n) {
        chunks = Math.min(2 * chunks, n);
      } else {
        return;
      }
    }
  }

  private void smallerNumbers() {
    for (int i = 0; i < lines.size(); i++) {
      boolean changed = true;
      while (changed && i < lines.size()) {
        changed = false;
        Matcher m = NUMBER.matcher(lines.get(i));
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
          spans.add(new int[] {m.start(1), m.end(1)});
        }
        for (int[] span : spans) {
          if (changed) {
            break;
          }
          String line = lines.get(i);
          if (line.regionMatches(Math.max(0, span[0] - 5), "seed=", 0, 5)) {
            continue;
          }
          long v = Long.parseLong(line.substring(span[0], span[1]));
          long least = i == 0 ? 1 : 0;
          for (long smaller : new long[] {0, 1, v / 2, v - 1}) {
            if (smaller >= v || smaller < least) {
              continue;
            }
            List<String> candidate = new ArrayList<>(lines);
            candidate.set(i, line.substring(0, span[0]) + smaller + line.substring(span[1]));
            if (accept(candidate)) {
              changed = true;
              break;
            }
          }
        }
      }
    }
  }
}
