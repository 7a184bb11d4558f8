package dev.slubsmo.suite.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.slubsmo.testmodule.lang.Modules;
import dev.slubsmo.testmodule.lang.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimizerTest {
  private static final String MACHINE = "machine nodes=2 mem=8M";
  private static final Plant FAULT = new SkippedCpuPartialPlant();

  private static String callfn(String cmd) {
    return "echo " + cmd + " > " + Modules.SMO_CALLFN;
  }

  /** A failing script padded with lines the failure does not need. */
  private static final List<String> PADDED =
      List.of(
          MACHINE,
          "cpu 1",
          "echo 7 > /sys/kernel/slab/smo_test/min_partial",
          callfn("alloc 200"),
          "cpu 0",
          callfn("enable"),
          "echo 40 > /sys/kernel/slab/smo_test/defrag_used_ratio",
          "cpu 1",
          callfn("free 3 17"),
          callfn("alloc 5"));

  private static Minimizer.Result minimized() {
    Harness.Run run = Harness.replay(PADDED, FAULT);
    assertNotNull(run.violation(), "the padded script must fail");
    return Minimizer.minimize(run.lines(), run.violation(), FAULT);
  }

  @Test
  void keepsTheMachineAnAllocationAndAFree() {
    List<String> lines = minimized().lines();
    assertEquals(3, lines.size(), String.join("\n", lines));
  }

  @Test
  void shrinksTheMachineToOneNode() {
    assertEquals("machine nodes=1 mem=8M", minimized().lines().get(0));
  }

  @Test
  void shrinksTheAllocationToOneMoreThanASlab() {
    int opS = new Session(MACHINE).cache("smo_test").objsPerSlab();
    assertEquals(callfn("alloc " + (opS + 1)), minimized().lines().get(1));
  }

  @Test
  void keepsTheSameProperty() {
    assertEquals(Property.INVARIANTS, minimized().violation().property());
  }
}
