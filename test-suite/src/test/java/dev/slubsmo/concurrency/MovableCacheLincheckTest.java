package dev.slubsmo.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.LincheckAssertionError;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model checking of a movable cache against {@link MovableCacheModel.LiveIds}.
 *
 * <p>The scenario that matters: one thread frees the first object the other thread's {@code
 * kmem_cache_defrag} will migrate. Migrate has no isolate callback, so the free can land between
 * the vector build and migrate (K21). The planted version ({@link MovableCacheModel.Unchecked})
 * then copies and frees the freed object: the id comes back to life and its slot is freed twice,
 * which Lincheck reports; the rechecking version passes the same scenario.
 */
class MovableCacheLincheckTest {
  private static ModelCheckingOptions options(int iterations, int invocations) {
    return LincheckOptions.modelChecking(
        MovableCacheModel.THREADS, iterations, invocations, MovableCacheModel.LiveIds.class);
  }

  /** free(k) races defrag, then free(k) again must fail and every live object is intact. */
  private static ExecutionScenario freeDuringDefrag(Class<? extends MovableCacheModel> model)
      throws NoSuchMethodException {
    Actor free =
        new Actor(model.getMethod("free", long.class), List.of(MovableCacheModel.FIRST_VACATED));
    Actor defrag = new Actor(model.getMethod("defrag"), List.of());
    Actor intact = new Actor(model.getMethod("intact"), List.of());
    Actor invariants = new Actor(model.getMethod("invariants"), List.of());
    return new ExecutionScenario(
        List.of(), List.of(List.of(free), List.of(defrag)), List.of(free, intact), invariants);
  }

  @Test
  void prefillLeavesSparsePartialSlabsForDefrag() {
    MovableCacheModel m = new MovableCacheModel.Rechecking();
    assertEquals(MovableCacheModel.PREFILL / MovableCacheModel.STRIDE, m.partialSlabs());
    assertTrue(MovableCacheModel.kept(MovableCacheModel.FIRST_VACATED));
  }

  @Test
  void recheckingMigrateIsLinearizableWithAllocFreeDefragAndShrink() throws Exception {
    LinChecker.check(
        MovableCacheModel.Rechecking.class,
        options(LincheckOptions.ITERATIONS, LincheckOptions.INVOCATIONS)
            .addCustomScenario(freeDuringDefrag(MovableCacheModel.Rechecking.class)));
  }

  @Test
  void migrateWithoutRecheckIsCaughtWhenTheOwnerFreesDuringDefrag() throws Exception {
    ModelCheckingOptions o =
        options(0, 100).addCustomScenario(freeDuringDefrag(MovableCacheModel.Unchecked.class));
    assertThrows(
        LincheckAssertionError.class, () -> LinChecker.check(MovableCacheModel.Unchecked.class, o));
  }
}
