package dev.slubsmo.suite.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.suite.transport.OnTransport;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code slub_defrag.py} (SMO patch 08) after its stress test: load the module, read {@code
 * objs_per_slab}, sanity checks, the non-movable test, {@code enable}, the movable test. Each test
 * replays the suite up to its step on a fresh machine and checks that step's tuple; the exact id
 * set after each shrink and the cleanup states are the port's additions (spec 3.3). Written once,
 * run in this JVM ({@link PythonSuiteTest}) and against the containerized server ({@link
 * PythonSuiteContainerIT}), with the same expectations.
 */
abstract class PythonSuite extends OnTransport {
  static List<SuiteMachine> machines() {
    return SuiteMachine.all();
  }

  /** The module freshly loaded after the stress test, as the suite's main flow leaves it. */
  private SmoDriver loaded(SuiteMachine m) {
    SmoDriver d = SmoDriver.boot(m, open());
    d.execute("rmmod slub_defrag");
    d.execute("insmod slub_defrag");
    d.callfn("test");
    d.execute("rmmod slub_defrag");
    d.execute("insmod slub_defrag");
    return d;
  }

  private static Expected expected(SuiteMachine m, SuiteDriver d) {
    return new Expected(m, d.objsPerSlab());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void sanityChecksSeeAnEmptyCache(SuiteMachine m) {
    assertEquals(SlabTuple.EMPTY, loaded(m).state());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void nonMovableAllocOfOneOverASlab(SuiteMachine m) {
    SmoDriver d = loaded(m);
    d.alloc(d.objsPerSlab() + 1L);
    assertEquals(expected(m, d).afterAlloc(), d.state());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void nonMovableFreeOfTheFirstSlot(SuiteMachine m) {
    SmoDriver d = loaded(m);
    SuiteSteps.allocThenFreeFirst(d);
    assertEquals(expected(m, d).afterFree(), d.state());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void nonMovableShrinkHasNoEffect(SuiteMachine m) {
    SmoDriver d = loaded(m);
    SuiteSteps.allocThenFreeFirst(d);
    d.shrink();
    assertEquals(expected(m, d).afterNonMovableShrink(), d.state());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void nonMovableShrinkKeepsEveryIdExactlyOnce(SuiteMachine m) {
    SmoDriver d = loaded(m);
    SuiteSteps.allocThenFreeFirst(d);
    d.shrink();
    assertEquals("1-" + d.objsPerSlab(), d.ids());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void nonMovableCleanupLeavesNoSlab(SuiteMachine m) {
    SmoDriver d = loaded(m);
    SuiteSteps.nonMovableTest(d);
    assertEquals(expected(m, d).afterNonMovableCleanup(), d.state());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void movableAllocOfOneOverASlab(SuiteMachine m) {
    SmoDriver d = loaded(m);
    SuiteSteps.nonMovableTest(d);
    d.enable();
    d.alloc(d.objsPerSlab() + 1L);
    assertEquals(expected(m, d).afterAlloc(), d.state());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void movableFreeOfTheFirstSlot(SuiteMachine m) {
    SmoDriver d = loaded(m);
    SuiteSteps.nonMovableTest(d);
    d.enable();
    SuiteSteps.allocThenFreeFirst(d);
    assertEquals(expected(m, d).afterFree(), d.state());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void movableShrinkMovesObjectsAndFreesASlab(SuiteMachine m) {
    SmoDriver d = loaded(m);
    SuiteSteps.nonMovableTest(d);
    SuiteSteps.movableTestToShrink(d);
    assertEquals(expected(m, d).afterMovableShrink(), d.state());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void movableShrinkKeepsEveryIdExactlyOnce(SuiteMachine m) {
    SmoDriver d = loaded(m);
    SuiteSteps.nonMovableTest(d);
    SuiteSteps.movableTestToShrink(d);
    // ids count from the load: the non-movable test used 0..opS, this test opS+1..2opS+1, and
    // free(1) took the oldest.
    long opS = d.objsPerSlab();
    assertEquals((opS + 2) + "-" + (2 * opS + 1), d.ids());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void movableCleanupKeepsOnlyTheLoneEmptySlabOfTheEarlyReturn(SuiteMachine m) {
    SmoDriver d = loaded(m);
    SuiteSteps.nonMovableTest(d);
    SuiteSteps.movableTestToShrink(d);
    SuiteSteps.movableCleanup(d);
    assertEquals(expected(m, d).afterMovableCleanup(), d.state());
  }
}
