package dev.slubsmo.concurrency;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.debug.SlubDebugOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The concurrency driver for {@code smo.stress.seconds} (default 2) with {@code smo.stress.threads}
 * workers (default 3) on two nodes; the {@code stress} profile runs it long. Prints the summary.
 */
class ConcurrencyStressTest {
  private static final int THREADS = Integer.getInteger("smo.stress.threads", 3);
  private static final int SECONDS = Integer.getInteger("smo.stress.seconds", 2);
  private static final long SEED = Long.getLong("smo.stress.seed", 20261126);

  @Test
  void workersAndReclaimerKeepEveryInvariantAndObject() throws Exception {
    DriverReport r =
        new ConcurrencyDriver(
                new ConcurrencyDriver.Config(
                    2,
                    THREADS,
                    Duration.ofSeconds(SECONDS),
                    400,
                    SEED,
                    SlubDebugOption.NONE,
                    Duration.ofSeconds(60)))
            .run();
    System.out.print(r.summary());
    assertTrue(r.remoteFrees() > 0, "remote frees ran");
    assertTrue(r.moved() > 0, "migrate moved objects");
    assertTrue(r.actionCount() >= r.rounds(), "the reclaimer acted every round");
  }
}
