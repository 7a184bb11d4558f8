package dev.slubsmo.suite.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.smo.Defrag;
import dev.slubsmo.suite.container.SmoServerContainer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** kdefragd in the containerized server: switched on over the wire, it settles a cache there. */
@Testcontainers
class DefragDaemonContainerIT {
  @Container private final SmoServerContainer server = new SmoServerContainer(false);

  @Test
  void fragmentedCacheFallsBelowTheLowerThresholdInTheContainer() {
    try (DaemonSession d = new DaemonSession(server.connect())) {
      d.fragment(40, 2);
      d.set("interval_ms", 5);
      d.set("enabled", 1);
      long lower = d.daemon("threshold_lower");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> d.slab("partial") <= Defrag.MAX_PARTIAL && d.fragmentation() < lower);
      assertTrue(d.daemon("slabs_freed") > 0);
      assertEquals("ok\n", d.run("check"));
    }
  }
}
