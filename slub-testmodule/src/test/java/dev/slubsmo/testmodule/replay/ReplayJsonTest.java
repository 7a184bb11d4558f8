package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static ReplayResult result;
  private static JsonNode json;

  @BeforeAll
  static void replay() throws IOException {
    result =
        Replay.run(Replays.slice(1, true, Policy.NONE, Policy.SMO_KERNEL, Policy.defrag(20_000)));
    json = MAPPER.readTree(ReplayJson.render(result));
  }

  private static void assertFields(JsonNode node, List<String> names) {
    for (String name : names) {
      assertTrue(node.has(name), "missing '" + name + "' in " + node.fieldNames().next() + "...");
    }
  }

  @Test
  void topLevelHasTheDocumentedFields() {
    assertFields(json, List.of("events", "seconds", "malformed_lines", "policies", "lifetimes"));
    assertEquals(result.events(), json.get("events").asLong());
    assertEquals(result.malformedLines(), json.get("malformed_lines").asLong());
  }

  @Test
  void policiesHaveTheDocumentedFieldsInTheOrderAsked() {
    JsonNode policies = json.get("policies");
    assertEquals(3, policies.size());
    assertEquals("defrag:20000", policies.get(2).get("policy").asText());
    for (JsonNode p : policies) {
      assertFields(p, List.of("policy", "total_pages", "floor_pages", "caches"));
      long pages = 0;
      for (JsonNode c : p.get("caches")) {
        assertFields(
            c,
            List.of(
                "name",
                "allocs",
                "frees",
                "unmatched_frees",
                "live",
                "objs_per_slab",
                "slabs",
                "partial",
                "floor",
                "moved",
                "min_moves",
                "kernel_slabs"));
        pages += c.get("slabs").asLong() << c.get("order").asLong();
      }
      assertEquals(p.get("total_pages").asLong(), pages);
    }
  }

  @Test
  void lifetimesArePerCacheWithOldSlabsPerPolicy() {
    JsonNode lifetimes = json.get("lifetimes");
    assertEquals(result.lifetimes().size(), lifetimes.size());
    JsonNode first = lifetimes.get(0);
    assertFields(first, List.of("name", "freed", "live", "old_live", "old_pinned_slabs"));
    assertFields(first.get("freed"), List.of("count", "p50_ns", "p90_ns", "p99_ns", "max_ns"));
    assertFields(first.get("old_pinned_slabs"), List.of("none", "smo-kernel", "defrag:20000"));
  }

  @Test
  void kernelSlabsAreAbsentWithoutAnAfterSnapshot() throws IOException {
    ReplayResult bare =
        Replay.run(
            Replays.of(
                new TraceText().alloc(1, 0, 1, "dentry", 192), Replays.setups(Policy.NONE), -1));
    JsonNode cache =
        MAPPER.readTree(ReplayJson.render(bare)).get("policies").get(0).get("caches").get(0);
    assertEquals("dentry", cache.get("name").asText());
    assertTrue(!cache.has("kernel_slabs"));
  }

  @Test
  void theSameSeedGivesTheSameJsonButForTheTime() throws IOException {
    ObjectNode a =
        (ObjectNode)
            MAPPER.readTree(ReplayJson.render(Replay.run(Replays.slice(7, true, Policy.NONE))));
    ObjectNode b =
        (ObjectNode)
            MAPPER.readTree(ReplayJson.render(Replay.run(Replays.slice(7, true, Policy.NONE))));
    a.remove("seconds");
    b.remove("seconds");
    assertEquals(a, b);
    assertEquals(7, a.get("seed").asLong());
  }
}
