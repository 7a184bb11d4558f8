package dev.slubsmo.testmodule.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExpectCommandTest {
  private static final String CALLFN = Modules.SMO_CALLFN;
  private static final String SLABS = "/sys/kernel/slab/smo_test/slabs";
  private final Session s = new Session();

  private String refusal(String line) {
    return assertThrows(CommandException.class, () -> s.execute(line)).getMessage();
  }

  @Test
  void holdingTermsPrintNothing() {
    s.execute("echo alloc 1 > " + CALLFN);
    assertEquals("", s.execute("expect " + SLABS + " total==1 N0<=1 N0>=1 N3==0"));
  }

  @Test
  void failingTermNamesTheFieldItsValueAndTheBound() {
    s.execute("echo alloc 1 > " + CALLFN);
    assertEquals(
        "expect " + SLABS + ": N0 is 1, expected <= 0", refusal("expect " + SLABS + " N0<=0"));
  }

  @Test
  void textFormComparesTheWholeFileWithoutItsNewline() {
    s.execute("echo alloc 3 > " + CALLFN);
    assertEquals("", s.execute("expect " + Modules.SMO_IDS + " = 0-2"));
    assertEquals(
        "expect " + Modules.SMO_IDS + ": reads '0-2', expected '0-3'",
        refusal("expect " + Modules.SMO_IDS + " = 0-3"));
  }

  @Test
  void malformedTermIsRefusedBeforeAnyComparison() {
    assertEquals(
        "expect: term 'N0<1' is not KEY==N, KEY<=N or KEY>=N (KEY: total, N0, C1, ...)",
        refusal("expect " + SLABS + " total==5 N0<1"));
  }

  @Test
  void unreadablePathIsRefusedAsCatRefusesIt() {
    assertEquals(
        CALLFN + ": write-only file (EACCES, mode 0200)", refusal("expect " + CALLFN + " = x"));
  }

  @Test
  void textFileIsNotACountLine() {
    s.execute("echo alloc 3 > " + CALLFN);
    s.execute("echo free 1 1 > " + CALLFN);
    assertEquals(
        "expect " + Modules.SMO_IDS + ": '0,2' is not a count",
        refusal("expect " + Modules.SMO_IDS + " total==2"));
  }
}
