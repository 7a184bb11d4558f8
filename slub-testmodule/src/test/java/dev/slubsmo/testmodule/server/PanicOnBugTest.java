package dev.slubsmo.testmodule.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.testmodule.lang.Modules;
import dev.slubsmo.testmodule.lang.Session;
import dev.slubsmo.testmodule.module.SmoTestModule;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code --panic-on-bug}: a BUG report or a failed check stops the server with status 3. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PanicOnBugTest {
  private static final String VALIDATE = "echo 1 > /sys/kernel/slab/smo_test/validate";

  /** A debug machine with one object whose right red zone has been overwritten. */
  private static Session redzoneOverwritten() {
    Session s = new Session();
    s.execute("machine slub_debug");
    s.execute("echo alloc 1 > " + Modules.SMO_CALLFN);
    long p = s.smoModule().objects().get(0);
    s.machine().pages().memory().writeByte(p + SmoTestModule.OBJECT_SIZE, (byte) 0);
    return s;
  }

  /** One listed object whose {@code buf} (offset 16 in struct smo_slub_object) was scribbled on. */
  private static Session payloadScribbled() {
    Session s = new Session();
    s.execute("echo alloc 1 > " + Modules.SMO_CALLFN);
    long p = s.smoModule().objects().get(0);
    PhysicalMemory mem = s.machine().pages().memory();
    mem.writeLong(p + 16, ~mem.readLong(p + 16));
    return s;
  }

  private static TestServer panicking(Supplier<Session> session) throws Exception {
    return TestServer.start(session, true);
  }

  @Test
  void bugReportStopsTheServerWithTheReport() throws Exception {
    try (TestServer t = panicking(PanicOnBugTest::redzoneOverwritten);
        SmoClient c = t.client()) {
      assertTrue(c.send(VALIDATE).ok());
      assertEquals(SmoServer.PANIC_STATUS, t.server.awaitStop());
      String report = t.server.panicReport();
      assertTrue(report.contains("'" + VALIDATE + "'"), report);
      assertTrue(report.contains("BUG smo_test (Tainted: G    B): Redzone overwritten"), report);
      assertThrows(IOException.class, () -> c.send("check"));
    }
  }

  @Test
  void failedCheckStopsTheServerWithItsMessage() throws Exception {
    try (TestServer t = panicking(PanicOnBugTest::payloadScribbled);
        SmoClient c = t.client()) {
      SmoClient.Reply r = c.send("check");
      assertFalse(r.ok());
      assertEquals(SmoServer.PANIC_STATUS, t.server.awaitStop());
      assertTrue(t.server.panicReport().endsWith(r.error()), t.server.panicReport());
    }
  }

  @Test
  void otherRefusedLinesDoNotPanic() throws Exception {
    try (TestServer t = panicking(Session::new);
        SmoClient c = t.client()) {
      assertFalse(c.send("frob").ok());
      assertFalse(c.send("check x").ok());
      assertTrue(c.send("check").ok());
      assertNull(t.server.panicReport());
    }
  }

  @Test
  void withoutTheSwitchABugIsOnlyLogged() throws Exception {
    try (TestServer t = TestServer.start(PanicOnBugTest::redzoneOverwritten, false);
        SmoClient c = t.client()) {
      assertTrue(c.send(VALIDATE).ok());
      assertTrue(
          c.send("dmesg").output().contains("BUG smo_test (Tainted: G    B): Redzone overwritten"));
      assertTrue(c.send("check").ok());
      assertNull(t.server.panicReport());
    }
  }

  @Test
  void linesAfterThePanicAreNotRun() throws Exception {
    AtomicReference<Session> booted = new AtomicReference<>();
    Supplier<Session> keep =
        () -> {
          booted.set(redzoneOverwritten());
          return booted.get();
        };
    try (TestServer t = panicking(keep);
        RawClient c = t.raw()) {
      c.send(VALIDATE + "\necho alloc 5 > " + Modules.SMO_CALLFN + "\n");
      assertEquals(List.of(Protocol.OK), c.reply());
      assertNull(c.line());
      assertEquals(SmoServer.PANIC_STATUS, t.server.awaitStop());
      t.server.close();
      assertEquals(1, booted.get().smoModule().objectCount());
    }
  }
}
