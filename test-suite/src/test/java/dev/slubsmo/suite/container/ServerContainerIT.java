package dev.slubsmo.suite.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.suite.transport.InProcessTransport;
import dev.slubsmo.suite.transport.ServerTransport;
import dev.slubsmo.suite.transport.Transport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The machine behind {@code smo serve} in a container answers like the machine in this JVM, and its
 * background defrag daemon works there too.
 */
@Testcontainers
class ServerContainerIT {
  private static final String CALLFN = "/sys/kernel/debug/smo/callfn";
  private static final String SLAB = "/sys/kernel/slab/smo_test/";

  @Container private final SmoServerContainer server = new SmoServerContainer(false);

  /** The Python suite's steps in debug mode, with refused lines among them. */
  private static final List<String> SUITE_STEPS =
      List.of(
          "machine slub_debug",
          "cat " + SLAB + "objs_per_slab",
          "echo alloc 21 > " + CALLFN,
          "cat " + SLAB + "objects",
          "cat " + SLAB + "partial",
          "echo free 1 > " + CALLFN,
          "echo 1 > " + SLAB + "shrink",
          "cat " + SLAB + "slabs",
          "echo alloc x > " + CALLFN,
          "echo enable > " + CALLFN,
          "echo 1 > " + SLAB + "shrink",
          "cat " + SLAB + "slabs",
          "cat " + SLAB + "total_objects",
          "cat /nonexistent",
          "check",
          "dmesg");

  @Test
  void suiteStepsGiveTheSameRepliesAsInProcess() {
    String local;
    try (Transport t = new InProcessTransport()) {
      local = Transcript.of(t, SUITE_STEPS);
    }
    try (ServerTransport t = server.connect()) {
      assertEquals(local, Transcript.of(t, SUITE_STEPS));
    }
  }
}
