package dev.slubsmo.suite.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite's non-movable and movable tests on caches of other object sizes ({@link SizedDriver}):
 * the tuples, derived from each cache's own {@code objs_per_slab}, hold for every size.
 */
class SizedCacheSuiteTest {
  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (SuiteMachine m : SuiteMachine.all()) {
      if (m.nodes() != 4) {
        for (int size : new int[] {8, 96, 700, 3000}) {
          out.add(Arguments.of(m, size));
        }
      }
    }
    return out;
  }

  private static Expected expected(SuiteMachine m, SuiteDriver d) {
    return new Expected(m, d.objsPerSlab());
  }

  @ParameterizedTest(name = "{0}, {1} bytes")
  @MethodSource("cases")
  void freeOfTheFirstSlot(SuiteMachine m, int size) {
    SizedDriver d = SizedDriver.boot(m, size);
    SuiteSteps.allocThenFreeFirst(d);
    assertEquals(expected(m, d).afterFree(), d.state());
  }

  @ParameterizedTest(name = "{0}, {1} bytes")
  @MethodSource("cases")
  void nonMovableShrinkHasNoEffect(SuiteMachine m, int size) {
    SizedDriver d = SizedDriver.boot(m, size);
    SuiteSteps.allocThenFreeFirst(d);
    d.shrink();
    assertEquals(expected(m, d).afterNonMovableShrink(), d.state());
  }

  @ParameterizedTest(name = "{0}, {1} bytes")
  @MethodSource("cases")
  void movableShrinkMovesObjectsAndFreesASlab(SuiteMachine m, int size) {
    SizedDriver d = SizedDriver.boot(m, size);
    SuiteSteps.nonMovableTest(d);
    SuiteSteps.movableTestToShrink(d);
    assertEquals(expected(m, d).afterMovableShrink(), d.state());
  }

  @ParameterizedTest(name = "{0}, {1} bytes")
  @MethodSource("cases")
  void movableCleanupKeepsOnlyTheLoneEmptySlabOfTheEarlyReturn(SuiteMachine m, int size) {
    SizedDriver d = SizedDriver.boot(m, size);
    SuiteSteps.nonMovableTest(d);
    SuiteSteps.movableTestToShrink(d);
    SuiteSteps.movableCleanup(d);
    assertEquals(expected(m, d).afterMovableCleanup(), d.state());
  }
}
