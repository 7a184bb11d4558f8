package dev.slubsmo.testmodule.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AfterEachCommandTest {
  private final Session s = new Session();
  private final List<String> seen = new ArrayList<>();

  @Test
  void hookSeesEachCarriedOutLineAfterItsEffect() {
    s.afterEachCommand(line -> seen.add(line + " -> " + s.smoModule().objectCount()));
    s.execute("  echo alloc 2 > " + Modules.SMO_CALLFN);
    s.execute("# a comment");
    s.execute("check");
    assertEquals(List.of("echo alloc 2 > " + Modules.SMO_CALLFN + " -> 2", "check -> 2"), seen);
  }

  @Test
  void refusedLineIsNotSeen() {
    s.afterEachCommand(seen::add);
    assertThrows(CommandException.class, () -> s.execute("cpu 9"));
    assertEquals(List.of(), seen);
  }
}
