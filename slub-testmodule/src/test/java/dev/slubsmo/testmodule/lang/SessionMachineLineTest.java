package dev.slubsmo.testmodule.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SessionMachineLineTest {
  @Test
  void bootsTheDescribedMachine() {
    Session s = new Session("machine nodes=2 mem=8M slub_debug");
    assertEquals(2, s.machine().config().nodes());
    assertEquals(8L << 20, s.machine().config().memPerNode());
    assertEquals("20\n", s.execute("cat /sys/kernel/slab/smo_test/objs_per_slab"));
  }

  @Test
  void refusesAnotherCommand() {
    assertEquals(
        "session: expected a machine line, got 'cpu 1'",
        assertThrows(CommandException.class, () -> new Session("cpu 1")).getMessage());
  }

  @Test
  void refusesABadMachineWordAsTheMachineCommandDoes() {
    assertEquals(
        "machine nodes: 'x' is not a decimal integer",
        assertThrows(CommandException.class, () -> new Session("machine nodes=x")).getMessage());
  }
}
