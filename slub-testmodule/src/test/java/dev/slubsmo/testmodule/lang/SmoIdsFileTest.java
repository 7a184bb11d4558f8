package dev.slubsmo.testmodule.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmoIdsFileTest {
  private final Session s = new Session();

  @Test
  void listsTheIdsOfTheListedObjectsAsRanges() {
    s.execute("echo alloc 10 > " + Modules.SMO_CALLFN);
    s.execute("echo free 2 3 > " + Modules.SMO_CALLFN);
    s.execute("echo free 1 > " + Modules.SMO_CALLFN);
    assertEquals("1-2,5-9\n", s.execute("cat " + Modules.SMO_IDS));
  }

  @Test
  void emptyListIsAnEmptyLine() {
    assertEquals("\n", s.execute("cat " + Modules.SMO_IDS));
  }

  @Test
  void repeatedIdStartsANewRun() {
    assertEquals("1-2,2-3", IdRanges.format(List.of(3L, 2L, 1L, 2L)));
  }

  @Test
  void writeIsRefused() {
    assertEquals(
        Modules.SMO_IDS + ": read-only file (EACCES, mode 0400)",
        assertThrows(CommandException.class, () -> s.execute("echo 1 > " + Modules.SMO_IDS))
            .getMessage());
  }

  @Test
  void kernelFaithfulModeHasNoIds() {
    s.execute("machine fidelity=kernel");
    assertEquals(
        Modules.SMO_IDS + ": kernel-faithful mode keeps no ids (ENOENT)",
        assertThrows(CommandException.class, () -> s.execute("cat " + Modules.SMO_IDS))
            .getMessage());
  }
}
