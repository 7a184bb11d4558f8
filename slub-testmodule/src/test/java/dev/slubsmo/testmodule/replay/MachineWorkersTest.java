package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineWorkersTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @Test
  void everyMachineSeesEveryBatchThenItsEnd() {
    List<PolicyMachine> machines =
        List.of(
            new PolicyMachine(PolicySetup.of(Policy.NONE), 1),
            new PolicyMachine(PolicySetup.of(Policy.SHRINK), 1));
    List<String> ended = Collections.synchronizedList(new ArrayList<>());
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          MachineWorkers w = new MachineWorkers(machines, m -> ended.add(m.setup().label()));
          for (int i = 0; i < 100; i++) {
            OpBatch b = w.take();
            b.lastNanos = i;
            w.publish(b);
          }
          w.finish();
        });
    assertEquals(List.of("none", "shrink"), ended.stream().sorted().toList());
    for (PolicyMachine m : machines) {
      long[] nanos = m.timeline().nanos();
      assertEquals(99, nanos[nanos.length - 1]);
    }
  }

  @Test
  void aFailingMachineFailsTheReplayWithoutHanging() {
    PolicyMachine m = new PolicyMachine(PolicySetup.of(Policy.NONE), 1);
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          MachineWorkers w = new MachineWorkers(List.of(m), x -> {});
          OpBatch bad = w.take();
          bad.alloc(1, 5, 0, 1, 0, -1);
          w.publish(bad);
          for (int i = 0; i < 40; i++) {
            OpBatch b = w.take();
            try {
              w.publish(b);
            } catch (IndexOutOfBoundsException e) {
              break;
            }
          }
          assertThrows(IndexOutOfBoundsException.class, w::finish);
        });
  }
}
