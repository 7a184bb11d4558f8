package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text report and the charts of a small replay. */
class ReplayOutputTest {
  private static ReplayResult result;

  @BeforeAll
  static void replay() {
    TraceText t = new TraceText();
    for (int i = 1; i <= 200; i++) {
      t.alloc(i * 1e-3, i % 2, i, "dentry", 192).kmalloc(i * 1e-3, 0, 10_000 + i, 64, "GFP_KERNEL");
    }
    for (int i = 1; i <= 200; i += 2) {
      t.free(1 + i * 1e-3, 0, i, "dentry");
    }
    result = Replay.run(Replays.of(t, Replays.setups(Policy.NONE, Policy.SMO_MINIMAL), -1));
  }

  @Test
  void everyPolicyTableHasARowPerCacheAndATotal() {
    String text = ReplayReport.render(result);
    for (PolicyResult p : result.policies()) {
      String table = ReplayReport.policy(p);
      List<String> lines = table.lines().toList();
      assertTrue(lines.get(0).startsWith("policy " + p.label() + ": "), lines.get(0));
      assertEquals(2 + p.caches().size() + 1, lines.size());
      assertTrue(text.contains(table));
    }
  }

  @Test
  void tableColumnsLineUp() {
    List<String> rows = ReplayReport.policy(result.policies().get(0)).lines().skip(1).toList();
    int width = rows.get(0).length();
    for (String row : rows) {
      assertEquals(width, row.length(), row);
    }
  }

  @Test
  void theReportHasNoTimings() {
    String text = ReplayReport.render(result);
    assertTrue(!text.contains("events/s") && !text.contains("timing"));
    assertEquals(text, ReplayReport.render(result));
  }

  @Test
  void chartsAreWrittenAsPngAndSvg(@TempDir Path dir) throws IOException {
    List<Path> files = ReplayPlots.write(result, dir.resolve("plots"));
    assertEquals(4, files.size());
    for (Path f : files) {
      if (f.toString().endsWith(".png")) {
        byte[] head = Arrays.copyOf(Files.readAllBytes(f), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
      } else {
        String svg = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.contains("</svg>"), f.toString());
      }
    }
  }

  @Test
  void theTimelineEndsWithTheStateAfterTheFinalStep() {
    for (PolicyResult p : result.policies()) {
      long[] pages = p.timelinePages();
      assertEquals(p.totalPages(), pages[pages.length - 1]);
      assertEquals(result.durationNanos(), p.timelineNanos()[pages.length - 1]);
    }
  }

  @Test
  void occupancyCountsEverySlab() {
    for (PolicyResult p : result.policies()) {
      long slabs = p.caches().stream().mapToLong(CacheResult::slabs).sum();
      assertEquals(slabs, Arrays.stream(p.occupancyAfter()).sum());
    }
  }
}
