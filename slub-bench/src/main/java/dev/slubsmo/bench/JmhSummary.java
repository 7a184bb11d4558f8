package dev.slubsmo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JMH JSON result file ({@code -rf json}) and prints, as Markdown, the median of every
 * metric over all measured iterations, then each benchmark's ratio to its baseline against the
 * target the issue sets. Rows whose benchmarks were not run are left out.
 *
 * <p>Usage: {@code JmhSummary results.json}.
 */
public final class JmhSummary {
  /**
   * One comparison: {@code numerator / denominator} of medians, with a bound ({@code atMost} or at
   * least) or none (0).
   */
  record Ratio(String label, String numerator, String denominator, double bound, boolean atMost) {}

  /** A target on one metric's median alone. */
  record Floor(String label, String metric, double atLeast) {}

  static final List<Ratio> RATIOS =
      List.of(
          new Ratio(
              "fast path alloc+free vs long[] stack pop+push (x slower)",
              "FastPathBench.slubAllocFree",
              "FastPathBench.longStackPopPush",
              5,
              true),
          new Ratio(
              "Netty pooled heap 64 B vs fast path (x faster)",
              "FastPathBench.nettyPooledHeap64",
              "FastPathBench.slubAllocFree",
              10,
              false),
          new Ratio(
              "Netty pooled direct 64 B vs fast path (x faster)",
              "FastPathBench.nettyPooledDirect64",
              "FastPathBench.slubAllocFree",
              10,
              false),
          new Ratio(
              "new-slab alloc vs fast-path alloc (x slower)",
              "SlowPathBench.newSlabAlloc",
              "SlowPathBench.fastPathAlloc",
              0,
              true),
          new Ratio(
              "arraycopy vs shrink, kernel policy (objects/s, x faster)",
              "MigrationBench.arraycopyObjects",
              "MigrationBench.shrink[placement=KERNEL]:moved",
              0,
              true),
          new Ratio(
              "arraycopy vs shrink, minimal-move policy (objects/s, x faster)",
              "MigrationBench.arraycopyObjects",
              "MigrationBench.shrink[placement=MINIMAL_MOVE]:moved",
              0,
              true),
          new Ratio(
              "replay from memory vs from .xz, one machine (x faster)",
              "ReplayBench.replayFromMemory[machines=smo-kernel]:events",
              "ReplayBench.replayFromXz[machines=smo-kernel]:events",
              0,
              true),
          new Ratio(
              "replay from .xz, one machine vs the demo's five (x faster)",
              "ReplayBench.replayFromXz[machines=smo-kernel]:events",
              "ReplayBench.replayFromXz[machines=demo]:events",
              0,
              true),
          new Ratio(
              "TraceReader from memory vs from .xz (x faster)",
              "TraceReadBench.readerFromMemory:events",
              "TraceReadBench.readerFromXz:events",
              0,
              true),
          new Ratio(
              "fuzz mix without vs with invariant checks (x faster)",
              "FuzzMixBench.commandOnly",
              "FuzzMixBench.commandThenCheck",
              0,
              true));

  static final List<Floor> FLOORS =
      List.of(
          new Floor(
              "trace replay events/s end to end from .xz, one machine (smo-kernel)",
              "ReplayBench.replayFromXz[machines=smo-kernel]:events",
              1_000_000),
          new Floor(
              "command-mix commands/s with a full invariant check each (the fuzzer's own rate:"
                  + " fuzz.txt)",
              "FuzzMixBench.commandThenCheck",
              20_000));

  private JmhSummary() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: JmhSummary results.json");
    }
    JsonNode root = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<String, Metric> metrics = medians(root);
    System.out.print(render(metrics));
  }

  /** A metric's median over every measured iteration of every fork, and its unit. */
  record Metric(double median, String unit, int samples) {}

  static Map<String, Metric> medians(JsonNode root) {
    Map<String, Metric> out = new LinkedHashMap<>();
    for (JsonNode run : root) {
      String name = key(run);
      out.put(name, metric(run.get("primaryMetric")));
      JsonNode secondary = run.get("secondaryMetrics");
      for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(name + ":" + e.getKey(), metric(e.getValue()));
      }
    }
    return out;
  }

  /** {@code Class.method} plus {@code [param=value,...]} when the run has parameters. */
  static String key(JsonNode run) {
    String full = run.get("benchmark").asText();
    String[] parts = full.split("\\.");
    String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
    JsonNode params = run.get("params");
    if (params == null || params.isEmpty()) {
      return name;
    }
    List<String> kv = new ArrayList<>();
    params.fields().forEachRemaining(e -> kv.add(e.getKey() + "=" + e.getValue().asText()));
    return name + "[" + String.join(",", kv) + "]";
  }

  private static Metric metric(JsonNode m) {
    List<Double> values = new ArrayList<>();
    for (JsonNode fork : m.get("rawData")) {
      for (JsonNode v : fork) {
        values.add(v.asDouble());
      }
    }
    double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
    return new Metric(
        a.length == 0 ? Double.NaN : ScaleReport.median(a), m.get("scoreUnit").asText(), a.length);
  }

  static String render(Map<String, Metric> metrics) {
    StringBuilder sb = new StringBuilder();
    sb.append("| benchmark | median | unit | samples |\n|---|---:|---|---:|\n");
    metrics.forEach(
        (k, m) ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %d |%n",
                    k,
                    number(m.median()),
                    m.unit(),
                    m.samples())));
    sb.append("\n| comparison | ratio | target | met |\n|---|---:|---|---|\n");
    for (Ratio r : RATIOS) {
      Metric n = metrics.get(r.numerator());
      Metric d = metrics.get(r.denominator());
      if (n == null || d == null) {
        continue;
      }
      double ratio = n.median() / d.median();
      String target = r.bound() == 0 ? "-" : (r.atMost() ? "<= " : ">= ") + number(r.bound());
      String met =
          r.bound() == 0
              ? "-"
              : (r.atMost() ? ratio <= r.bound() : ratio >= r.bound()) ? "yes" : "no";
      sb.append(
          String.format(Locale.ROOT, "| %s | %.2f | %s | %s |%n", r.label(), ratio, target, met));
    }
    for (Floor f : FLOORS) {
      Metric m = metrics.get(f.metric());
      if (m == null) {
        continue;
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | >= %s | %s |%n",
              f.label(),
              number(m.median()),
              number(f.atLeast()),
              m.median() >= f.atLeast() ? "yes" : "no"));
    }
    return sb.toString();
  }

  private static String number(double v) {
    if (Math.abs(v) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
