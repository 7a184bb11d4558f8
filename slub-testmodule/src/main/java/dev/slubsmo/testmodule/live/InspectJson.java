package dev.slubsmo.testmodule.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders an {@link InspectReport} as the JSON {@code smo inspect --json} prints: {@code pageSize},
 * {@code caches} (one object per row, in report order, fields in a fixed order) and {@code totals}.
 */
public final class InspectJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private InspectJson() {}

  /** Renders the report as indented JSON ending in a newline. */
  public static String render(InspectReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("pageSize", report.pageSize());
    ArrayNode caches = root.putArray("caches");
    for (InspectRow row : report.rows()) {
      ObjectNode cache = caches.addObject();
      cache.put("cache", row.cache());
      row.aliases().forEach(cache.putArray("aliases")::add);
      cache.put("objects", row.objects());
      cache.put("slabs", row.slabs());
      cache.put("partial", row.partial());
      cache.put("cpuSlabs", row.cpuSlabs());
      cache.put("objsPerSlab", row.objsPerSlab());
      cache.put("order", row.order());
      cache.put("floorSlabs", row.floorSlabs());
      cache.put("pagesBack", row.pagesBack());
    }
    ObjectNode totals = root.putObject("totals");
    totals.put("pagesInUse", report.pagesInUse());
    totals.put("floorPages", report.floorPages());
    totals.put("pagesBack", report.pagesBack());
    totals.put("bytesBack", report.bytesBack());
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }
}
