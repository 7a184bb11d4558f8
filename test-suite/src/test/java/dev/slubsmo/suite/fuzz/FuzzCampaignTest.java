package dev.slubsmo.suite.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.suite.xarray.XArrayModule;
import dev.slubsmo.testmodule.lang.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CI fuzzing budget: a million commands from one campaign seed (thousands of run seeds) on
 * machines of 1-4 nodes with and without {@code slub_debug}, every property checked after every
 * command. The report and the rate go to the test's output.
 */
class FuzzCampaignTest {
  static final long SEED = 20260101L;
  static final long BUDGET = 1_000_000;
  private static Campaign.Result result;

  @BeforeAll
  static void runCampaign() throws InterruptedException {
    XArrayModule.insmod(new Session("machine mem=32M"));
    int threads = Runtime.getRuntime().availableProcessors();
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    result =
        new Campaign(
                new Campaign.Config(SEED, BUDGET, 0, threads, Plant.NONE, true),
                new PrintStream(report, true, StandardCharsets.UTF_8))
            .run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.print(report.toString(StandardCharsets.UTF_8));
    System.out.println("rate: " + FuzzMain.rate(result.stats(), seconds, threads));
  }

  @Test
  void everyPropertyHoldsAfterEveryCommand() {
    assertNull(result.failure(), () -> result.failure().text());
  }

  @Test
  void budgetIsSpentOverThousandsOfSeeds() {
    assertTrue(result.stats().commands >= BUDGET, "commands " + result.stats().commands);
    assertTrue(result.stats().runs >= 1000, "runs " + result.stats().runs);
  }

  @Test
  void everyCommandKindIsGenerated() {
    Set<Kind> missing = EnumSet.noneOf(Kind.class);
    for (Kind k : Kind.values()) {
      if (result.stats().perKind[k.ordinal()] == 0) {
        missing.add(k);
      }
    }
    Set<Kind> notGenerated = EnumSet.of(Kind.CHECK, Kind.EXPECT, Kind.OTHER);
    missing.removeAll(notGenerated);
    assertEquals(Set.of(), missing);
  }

  @Test
  void shrinkFloorAndDefragPropertiesAreExercised() {
    assertTrue(result.stats().floorChecks > 1000, "floor checks " + result.stats().floorChecks);
    assertTrue(
        result.stats().defragsOverThreshold > 10,
        "defragmented nodes " + result.stats().defragsOverThreshold);
  }

  @Test
  void objectsAreMigrated() {
    assertTrue(result.stats().moved > 100_000, "moved " + result.stats().moved);
  }
}
