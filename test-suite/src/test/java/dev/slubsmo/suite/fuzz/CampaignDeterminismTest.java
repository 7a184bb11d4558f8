package dev.slubsmo.suite.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CampaignDeterminismTest {
  private static String report(long seed, int threads) throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Campaign(
            new Campaign.Config(seed, 20_000, 0, threads, Plant.NONE, false),
            new PrintStream(out, true, StandardCharsets.UTF_8))
        .run();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void sameSeedAndCommandBudgetPrintTheSameBytesOnAnyThreadCount() throws InterruptedException {
    assertEquals(report(7, 1), report(7, 2));
  }

  @Test
  void anotherSeedFuzzesOtherwise() throws InterruptedException {
    assertNotEquals(report(7, 2), report(8, 2));
  }
}
