package dev.slubsmo.testmodule.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectReportTest {
  private static final int PAGE = InspectReport.DEFAULT_PAGE_SIZE;

  @TempDir Path dir;

  /**
   * Cache "frag": 25 objects at 10 per order-1 slab, 11 on node 0 and 14 on node 1, in 9 slabs of
   * which 2 are CPU slabs. Floor: ceil(11/10) + ceil(14/10) = 2 + 2 = 4 slabs (the total alone
   * would give 3). Pages back: (9 - 4 - 2) << 1 = 6.
   */
  private SlabTreeFixture fragmented() throws IOException {
    return new SlabTreeFixture(dir)
        .cache(
            "frag",
            200,
            10,
            1,
            Map.of(
                "objects", "25 N0=11 N1=14",
                "slabs", "9 N0=5 N1=4",
                "partial", "5 N0=3 N1=2",
                "cpu_slabs", "2 N0=1 N1=1",
                "total_objects", "90 N0=50 N1=40"));
  }

  private InspectReport report(SlabTreeFixture tree) {
    return InspectReport.read(tree.reader(), PAGE);
  }

  private static InspectRow row(InspectReport report, String cache) {
    return report.rows().stream().filter(r -> r.cache().equals(cache)).findFirst().orElseThrow();
  }

  @Test
  void floorSumsTheCeilingOfEachNode() throws IOException {
    assertEquals(2 + 2, row(report(fragmented()), "frag").floorSlabs());
  }

  @Test
  void pagesBackSubtractFloorAndCpuSlabsTimesPagesPerSlab() throws IOException {
    assertEquals((9 - 4 - 2) << 1, row(report(fragmented()), "frag").pagesBack());
  }

  @Test
  void pagesBackNeverGoBelowZero() throws IOException {
    SlabTreeFixture tree =
        new SlabTreeFixture(dir)
            .cache("tight", 64, 64, 0, Map.of("objects", "65", "slabs", "3", "cpu_slabs", "2"));
    assertEquals(0, row(report(tree), "tight").pagesBack());
  }

  @Test
  void zeroObjectsPerSlabGivesNothingBack() throws IOException {
    SlabTreeFixture tree =
        new SlabTreeFixture(dir).cache("broken", 64, 0, 0, Map.of("objects", "5", "slabs", "4"));
    InspectRow broken = row(report(tree), "broken");
    assertEquals(4, broken.floorSlabs());
    assertEquals(0, broken.pagesBack());
  }

  @Test
  void rowsSortMostPagesBackFirstThenByName() throws IOException {
    SlabTreeFixture tree =
        fragmented()
            .cache("b-idle", 64, 64, 0, Map.of("objects", "0"))
            .cache("a-idle", 64, 64, 0, Map.of("objects", "0"));
    List<String> order = report(tree).rows().stream().map(InspectRow::cache).toList();
    assertEquals(List.of("frag", "a-idle", "b-idle"), order);
  }

  @Test
  void totalsSumTheRowsOfTheRealTree() {
    InspectReport report = InspectReport.read(new LiveSlabReader(), PAGE);
    assertEquals(report.rows().stream().mapToLong(InspectRow::pagesBack).sum(), report.pagesBack());
    assertEquals(report.pagesBack() * PAGE, report.bytesBack());
    assertTrue(report.floorPages() + report.pagesBack() <= report.pagesInUse());
    for (InspectRow r : report.rows()) {
      assertTrue(r.floorSlabs() * r.objsPerSlab() >= r.objects(), r.cache());
      assertTrue(r.pagesBack() <= r.pagesInUse(), r.cache());
    }
  }

  @Test
  void sameTreeRendersIdentically() throws IOException {
    SlabTreeFixture tree = fragmented().alias("frag-alias", "frag");
    assertEquals(InspectTable.render(report(tree)), InspectTable.render(report(tree)));
    assertEquals(InspectJson.render(report(tree)), InspectJson.render(report(tree)));
  }

  @Test
  void tableColumnsKeepTheirWidthsAndCutLongNames() throws IOException {
    String longName = "a_cache_name_far_longer_than_its_column";
    SlabTreeFixture tree =
        fragmented().cache(longName, 64, 64, 0, Map.of("objects", "123456789", "slabs", "9"));
    List<String> lines = InspectTable.render(report(tree)).lines().toList();
    int end = lines.get(0).indexOf("pages_back") + "pages_back".length();
    for (String line : lines.subList(1, 3)) {
      assertTrue(Character.isDigit(line.charAt(end - 1)), line);
      assertTrue(line.length() == end || line.charAt(end) == ' ', line);
    }
    assertTrue(lines.get(2).startsWith(longName.substring(0, InspectTable.NAME_WIDTH - 1) + "~"));
  }

  @Test
  void jsonCarriesRowsInOrderAndTotals() throws IOException {
    InspectReport report = report(fragmented().cache("idle", 64, 64, 0, Map.of("objects", "0")));
    JsonNode json = new ObjectMapper().readTree(InspectJson.render(report));
    assertEquals(report.rows().size(), json.get("caches").size());
    assertEquals(report.rows().get(0).cache(), json.get("caches").get(0).get("cache").asText());
    assertEquals(report.pagesBack(), json.get("totals").get("pagesBack").asLong());
    assertEquals(report.bytesBack(), json.get("totals").get("bytesBack").asLong());
  }
}
