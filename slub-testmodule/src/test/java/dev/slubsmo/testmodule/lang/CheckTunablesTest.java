package dev.slubsmo.testmodule.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.debug.InvariantChecker.Tunables;
import org.junit.jupiter.api.Test;

class CheckTunablesTest {
  private static final String CPU_PARTIAL = "/sys/kernel/slab/smo_test/cpu_partial";
  private final Session s = new Session();

  @Test
  void cpuPartialWriteWouldBreakTheCreationTimeAssumption() {
    s.execute("echo 3 > " + CPU_PARTIAL);
    assertTrue(
        InvariantChecker.violations(s.machine(), Tunables.AS_CREATED).stream()
            .anyMatch(v -> v.contains("invariant 4")));
  }

  @Test
  void checkAfterATunableWriteAssumesWrittenTunables() {
    s.execute("echo 3 > " + CPU_PARTIAL);
    assertEquals(Tunables.WRITTEN, s.tunables());
    assertEquals("ok\n", s.execute("check"));
  }

  @Test
  void aFreshMachineAssumesTunablesAsCreatedAgain() {
    s.execute("echo 3 > " + CPU_PARTIAL);
    s.execute("machine");
    assertEquals(Tunables.AS_CREATED, s.tunables());
  }

  @Test
  void actionFilesLeaveTheAssumptionAlone() {
    s.execute("echo 1 > /sys/kernel/slab/smo_test/shrink");
    s.execute("echo 50 > /sys/kernel/slab/smo_test/defrag_used_ratio");
    assertEquals(Tunables.AS_CREATED, s.tunables());
  }
}
