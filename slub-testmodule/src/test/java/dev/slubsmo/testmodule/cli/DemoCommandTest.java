package dev.slubsmo.testmodule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slubsmo.testmodule.replay.Demo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smo demo} end to end: the whole bundled trace from the classpath, five machines, charts
 * and JSON. The slowest test of the module (a few seconds on two cores); tagged so it can be
 * singled out, and run by default.
 */
@Tag("bundled-trace")
class DemoCommandTest {
  @Test
  void demoReplaysTheBundledTraceAndShowsTheHeadlineCaches(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("demo");
    CommandRun run = CommandRun.of(new DemoCommand(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    for (String cache : Demo.HEADLINE) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(cache + " ")), cache);
    }
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("all ")), run.out());
    assertTrue(lines.get(lines.size() - 1).startsWith("timing: "));
    assertEquals(1, lines.stream().filter(l -> l.contains("events/s")).count());

    JsonNode json = new ObjectMapper().readTree(out.resolve("replay.json").toFile());
    long events = json.get("events").asLong();
    assertTrue(run.out().contains(String.format("%,d slab events", events)), run.out());
    JsonNode policies = json.get("policies");
    long none = policies.get(0).get("total_pages").asLong();
    for (JsonNode p : policies) {
      assertTrue(p.get("total_pages").asLong() <= none, p.get("policy").asText());
      assertTrue(p.get("floor_pages").asLong() <= p.get("total_pages").asLong());
    }
    for (String chart :
        List.of("slab-pages.png", "slab-pages.svg", "occupancy.png", "occupancy.svg")) {
      assertTrue(Files.size(out.resolve(chart)) > 0, chart);
      assertTrue(run.out().contains(out.resolve(chart).toString()), chart);
    }
  }
}
