package dev.slubsmo.testmodule.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict mode: a refused line throws one error naming what was wrong, and changes nothing. */
class RefusedLinesTest {
  private static final String CALLFN = Modules.SMO_CALLFN;
  private final Session s = new Session();

  @BeforeEach
  void someState() {
    s.execute("echo alloc 5 > " + CALLFN);
    s.execute("create foo size=32");
    s.execute("cpu 1");
  }

  /** Everything a line could change: caches and counts, the log, the module's list, the CPU. */
  private String snapshot() {
    return s.execute("cat /proc/slabinfo")
        + s.execute("dmesg")
        + s.execute("ls")
        + (s.smoModule() == null ? "no module" : s.smoModule().ids())
        + " cpu"
        + s.cpu().id()
        + " foo min_partial="
        + s.execute("cat /sys/kernel/slab/foo/min_partial");
  }

  private void assertRefusedUnchanged(String line, String named) {
    Machine machine = s.machine();
    String before = snapshot();
    CommandException e = assertThrows(CommandException.class, () -> s.execute(line));
    assertTrue(e.getMessage().contains(named), () -> "'" + named + "' not in: " + e.getMessage());
    assertSame(machine, s.machine());
    assertEquals(before, snapshot());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "frob                                       | 'frob'",
        "machine nodes=x                            | 'x'",
        "machine bogus                              | 'bogus'",
        "machine cpus=0                             | got 0",
        "machine fidelity=loose                     | 'loose'",
        "machine profile=v9                         | 'v9'",
        "insmod slub_defrag                         | already loaded",
        "insmod foo                                 | 'foo'",
        "insmod                                     | expected insmod",
        "rmmod foo                                  | 'foo'",
        "cpu 9                                      | no cpu 9",
        "cpu x                                      | 'x'",
        "create foo size=8                          | 'foo' already exists",
        "create bar                                 | size=N is required",
        "create bar size=x                          | 'x'",
        "create bar size=8 flags=bogus              | 'bogus'",
        "create bar size=8 zz                       | 'zz'",
        "echo 7                                     | echo [-n] WORDS > PATH",
        "echo 7 > a b                               | 'a b'",
        "echo 1 > /proc/slabinfo                    | /proc/slabinfo",
        "echo 1 > /nope                             | /nope",
        "echo 1 > /sys/kernel/slab/smo_test/objects | read-only",
        "echo x > /sys/kernel/slab/foo/min_partial  | min_partial",
        "cat /nope                                  | /nope",
        "cat /sys/kernel/slab/smo_test/nope         | 'nope'",
        "cat                                        | expected cat PATH",
        "ls /nope                                   | /nope",
        "check x                                    | 'x'",
        "dmesg -x                                   | '-x'",
        "defrag_slabs 5                             | no node 5",
        "defrag_slabs x                             | 'x'",
      })
  void refusedLineChangesNothing(String line, String named) {
    assertRefusedUnchanged(line, named);
  }

  @ParameterizedTest(name = "echo {0} > callfn")
  @CsvSource(
      delimiter = '|',
      value = {
        "alloc x      | 'x'",
        "alloc 1 5    | NODE 5",
        "alloc 1 -1 7 | '7'",
        "alloc -2     | -2",
        "free -5      | -5",
        "free 1 y     | 'y'",
        "test 10 0    | KEEP",
        "bogus        | 'bogus'",
        "enable 1     | '1'",
        "''           | no command",
      })
  void refusedCallfnWriteChangesNothing(String command, String named) {
    assertRefusedUnchanged("echo " + command + " > " + CALLFN, named);
  }

  @Test
  void emptyCallfnWriteIsEinval() {
    assertRefusedUnchanged("echo -n > " + CALLFN, "EINVAL");
  }

  @Test
  void callfnWithoutTheModuleIsRefused() {
    s.execute("rmmod slub_defrag");
    assertRefusedUnchanged("echo alloc > " + CALLFN, "not loaded");
  }

  @Test
  void rmmodOfAnUnloadedModuleIsRefused() {
    s.execute("rmmod slub_defrag");
    assertRefusedUnchanged("rmmod slub_defrag", "not loaded");
  }
}
