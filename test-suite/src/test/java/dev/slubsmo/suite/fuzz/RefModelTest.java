package dev.slubsmo.suite.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.testmodule.lang.CommandException;
import dev.slubsmo.testmodule.lang.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefModelTest {
  private final Session session = new Session("machine mem=8M");
  private final RefModel model = new RefModel();

  private CommandException run(String text) {
    Line l = Line.of(text);
    model.before(l, session, null);
    CommandException refusal = null;
    try {
      session.execute(text);
    } catch (CommandException e) {
      refusal = e;
    }
    model.after(l, session, refusal);
    return refusal;
  }

  @Test
  void freeTakesTheIdsAtItsListPositions() {
    run("echo alloc 6 > /sys/kernel/debug/smo/callfn");
    run("echo free 2 3 > /sys/kernel/debug/smo/callfn");
    assertEquals(List.of(0L, 1L, 2L, 5L), model.live.toList());
  }

  @Test
  void refusedAllocationAddsTheObjectsItMadeBeforeFailing() {
    run("echo 3 > /sys/kernel/slab/smo_test/failslab_interval");
    run("echo -1 > /sys/kernel/slab/smo_test/failslab_times");
    run("echo 100 > /sys/kernel/slab/smo_test/failslab_probability");
    CommandException refusal = run("echo alloc 5 > /sys/kernel/debug/smo/callfn");
    assertEquals("callfn alloc: allocated 2 of 5 objects (ENOMEM)", refusal.getMessage());
    assertEquals(List.of(0L, 1L), model.live.toList());
  }

  @Test
  void testMustPassOnlyOnAPristineCache() {
    Line test = Line.of("echo test > /sys/kernel/debug/smo/callfn");
    model.before(test, session, null);
    assertEquals(RefModel.Outcome.SUCCEED, model.expected(test));
    run("echo alloc 1 > /sys/kernel/debug/smo/callfn");
    run("echo free 1 > /sys/kernel/debug/smo/callfn");
    model.before(test, session, null);
    assertEquals(RefModel.Outcome.EITHER, model.expected(test));
  }

  @Test
  void testOnAListWithObjectsMustBeRefused() {
    run("echo alloc 1 > /sys/kernel/debug/smo/callfn");
    Line test = Line.of("echo test > /sys/kernel/debug/smo/callfn");
    model.before(test, session, null);
    assertEquals(RefModel.Outcome.REFUSE, model.expected(test));
  }

  @Test
  void machineLineResetsTheShape() {
    run("machine nodes=3 mem=8M slub_debug placement=minimal-move");
    assertEquals(
        List.of(3, 6, 1, 1),
        List.of(model.nodes, model.cpus, model.debug ? 1 : 0, model.minimalMove ? 1 : 0));
  }
}
