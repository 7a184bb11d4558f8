package dev.slubsmo.suite.container;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.suite.transport.ServerTransport;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Crash isolation: a BUG planted with commands alone takes down the server's container with the
 * panic status, the report is read from the container's log, and the next test runs on a fresh
 * container whose machine has never seen the bug.
 */
@Testcontainers
@TestMethodOrder(OrderAnnotation.class)
class PanicOnBugIT {
  /** {@code smo serve}'s exit status after a panic (SmoServer.PANIC_STATUS). */
  private static final long PANIC_STATUS = 3;

  private static final String CALLFN = "/sys/kernel/debug/smo/callfn";
  private static final String VALIDATE = "echo 1 > /sys/kernel/slab/smo_test/validate";
  private static String panickedContainer;

  @Container private final SmoServerContainer server = new SmoServerContainer(true);

  @Test
  @Order(1)
  void plantedRedZoneBugStopsTheServerWithItsReport() {
    try (ServerTransport t = server.connect()) {
      t.execute("machine slub_debug");
      t.execute("echo alloc 3 > " + CALLFN);
      t.execute("inject redzone");
      t.execute(VALIDATE);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> server.exitCode() != null);
    assertEquals(PANIC_STATUS, server.exitCode());
    String report = server.getLogs(OutputType.STDERR);
    assertTrue(report.contains("BUG reported while running '" + VALIDATE + "'"), report);
    assertTrue(report.contains("BUG smo_test (Tainted: G    B): Redzone overwritten"), report);
    panickedContainer = server.getContainerId();
  }

  @Test
  @Order(2)
  void nextTestGetsAFreshMachineInAFreshContainer() {
    assertNotNull(panickedContainer, "the panic test runs first");
    assertNotEquals(panickedContainer, server.getContainerId());
    try (ServerTransport t = server.connect()) {
      assertFalse(t.execute("dmesg").contains("BUG"));
      assertEquals("ok\n", t.execute("check"));
      t.execute("machine slub_debug");
      t.execute("echo alloc 3 > " + CALLFN);
      t.execute(VALIDATE);
      assertEquals("ok\n", t.execute("check"));
    }
    assertNull(server.exitCode());
  }
}
