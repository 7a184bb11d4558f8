package dev.slubsmo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhSummaryTest {
  private static JsonNode results() throws Exception {
    String json =
        """
        [
          {"benchmark": "dev.slubsmo.bench.FastPathBench.slubAllocFree", "params": {},
           "primaryMetric": {"scoreUnit": "ns/op", "rawData": [[30.0, 10.0, 20.0]]},
           "secondaryMetrics": {}},
          {"benchmark": "dev.slubsmo.bench.FastPathBench.longStackPopPush",
           "primaryMetric": {"scoreUnit": "ns/op", "rawData": [[2.0, 5.0], [3.0, 4.0]]},
           "secondaryMetrics": {}},
          {"benchmark": "dev.slubsmo.bench.MigrationBench.shrink", "params": {"placement": "KERNEL"},
           "primaryMetric": {"scoreUnit": "ops/s", "rawData": [[1.0]]},
           "secondaryMetrics": {"moved": {"scoreUnit": "ops/s", "rawData": [[256.0]]}}}
        ]
        """;
    return new ObjectMapper().readTree(json);
  }

  @Test
  void mediansCoverEveryForkAndIteration() throws Exception {
    Map<String, JmhSummary.Metric> m = JmhSummary.medians(results());
    assertEquals(20.0, m.get("FastPathBench.slubAllocFree").median());
    assertEquals(3.5, m.get("FastPathBench.longStackPopPush").median());
    assertEquals(4, m.get("FastPathBench.longStackPopPush").samples());
  }

  @Test
  void secondaryMetricsAreKeyedByParametersAndName() throws Exception {
    Map<String, JmhSummary.Metric> m = JmhSummary.medians(results());
    assertEquals(256.0, m.get("MigrationBench.shrink[placement=KERNEL]:moved").median());
  }

  @Test
  void ratioRowComparesMediansWithItsTarget() throws Exception {
    String out = JmhSummary.render(JmhSummary.medians(results()));
    double ratio = 20.0 / 3.5;
    assertTrue(
        out.contains(String.format(java.util.Locale.ROOT, "| %.2f | <= 5.00 | no |", ratio)), out);
  }

  @Test
  void rowsOfBenchmarksNotRunAreLeftOut() throws Exception {
    String out = JmhSummary.render(JmhSummary.medians(results()));
    assertFalse(out.contains("Netty"), out);
  }
}
