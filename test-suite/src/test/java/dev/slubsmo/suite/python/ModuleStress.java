package dev.slubsmo.suite.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.suite.transport.OnTransport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite's module stress test ({@code echo test > callfn} on a freshly loaded module). The
 * original cannot fail (K1); the port's strict module refuses the write when an id is missing,
 * repeated or corrupted, and the counters it leaves are checked through sysfs against spec 4.5.
 * Written once, run in this JVM ({@link ModuleStressTest}) and against the containerized server
 * ({@link ModuleStressContainerIT}).
 */
abstract class ModuleStress extends OnTransport {
  static List<Arguments> runs() {
    List<Arguments> out = new ArrayList<>();
    for (SuiteMachine m : SuiteMachine.all()) {
      out.add(Arguments.of(m, "test", 1000, 10));
      out.add(Arguments.of(m, "test 500 7", 500, 7));
      out.add(Arguments.of(m, "test 300 3", 300, 3));
    }
    return out;
  }

  /** Only with {@code slub_debug} is every free a slow-path free that can discard a slab. */
  static List<Arguments> debugRuns() {
    return runs().stream().filter(a -> ((SuiteMachine) a.get()[0]).debug()).toList();
  }

  private SmoDriver afterTest(SuiteMachine m, String cmd) {
    SmoDriver d = SmoDriver.boot(m, open());
    d.execute("rmmod slub_defrag");
    d.execute("insmod slub_defrag");
    d.execute("dmesg -c");
    d.callfn(cmd);
    return d;
  }

  private static StressNumbers numbers(SuiteMachine m, SmoDriver d, long nr, long keep) {
    return new StressNumbers(nr, keep, d.objsPerSlab(), m.minimalMove());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("runs")
  void testReportsSuccess(SuiteMachine m, String cmd, long nr, long keep) {
    String log = afterTest(m, cmd).execute("dmesg -c");
    assertTrue(
        log.endsWith("smo: Module tests completed successfully\n"), () -> "dmesg was:\n" + log);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("runs")
  void testLeavesNoSlab(SuiteMachine m, String cmd, long nr, long keep) {
    assertEquals(SlabTuple.EMPTY, afterTest(m, cmd).state());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("runs")
  void movableShrinkMovesTheSurvivorsOfEverySlabItVacates(
      SuiteMachine m, String cmd, long nr, long keep) {
    SmoDriver d = afterTest(m, cmd);
    assertEquals(numbers(m, d, nr, keep).moved(), d.value("smo_objects_moved"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("runs")
  void slabsAllocatedAreTheFilledOnesPlusTheKernelPlacementsNewOnes(
      SuiteMachine m, String cmd, long nr, long keep) {
    SmoDriver d = afterTest(m, cmd);
    assertEquals(numbers(m, d, nr, keep).allocSlab(), d.value("alloc_slab"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("debugRuns")
  void freeingTheSurvivorsDiscardsAllButMinPartialLessOneOfTheirSlabs(
      SuiteMachine m, String cmd, long nr, long keep) {
    SmoDriver d = afterTest(m, cmd);
    assertEquals(
        numbers(m, d, nr, keep).freeSlabDebug(d.value("min_partial")), d.value("free_slab"));
  }
}
