package dev.slubsmo.testmodule.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.testmodule.lang.CommandException;
import dev.slubsmo.testmodule.lang.Modules;
import dev.slubsmo.testmodule.lang.Session;
import dev.slubsmo.testmodule.module.SmoTestModule;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SmoServerTest {
  private TestServer t;

  @BeforeEach
  void start() throws Exception {
    t = TestServer.start();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void replyCarriesTheCommandsOutputLines() throws IOException {
    try (SmoClient c = t.client()) {
      SmoClient.Reply r = c.send("cat /sys/kernel/slab/smo_test/object_size");
      assertEquals(new SmoClient.Reply(List.of("" + SmoTestModule.OBJECT_SIZE), true, null), r);
    }
  }

  @Test
  void multiLineOutputComesBackAsTheSessionPrintedIt() throws IOException {
    try (SmoClient c = t.client()) {
      assertEquals(new Session().execute("dmesg"), c.send("dmesg").text());
    }
  }

  @Test
  void refusedLineGetsErrWithTheSessionsMessage() throws IOException {
    String message =
        assertThrows(CommandException.class, () -> new Session().execute("frob")).getMessage();
    try (SmoClient c = t.client()) {
      assertEquals(new SmoClient.Reply(List.of(), false, message), c.send("frob"));
    }
  }

  @Test
  void emptyLineIsOkWithNoOutput() throws IOException {
    try (SmoClient c = t.client()) {
      assertEquals(new SmoClient.Reply(List.of(), true, null), c.send(""));
    }
  }

  @Test
  void clientsShareTheOneMachine() throws IOException {
    try (SmoClient a = t.client();
        SmoClient b = t.client()) {
      a.send("machine slub_debug");
      a.send("echo alloc 3 > " + Modules.SMO_CALLFN);
      b.send("echo free > " + Modules.SMO_CALLFN);
      assertEquals(List.of("2 N0=2"), a.send("cat /sys/kernel/slab/smo_test/objects").output());
    }
  }

  @Test
  void quitClosesOnlyThatConnection() throws IOException {
    try (SmoClient a = t.client();
        SmoClient b = t.client()) {
      assertTrue(a.send("quit").ok());
      assertThrows(IOException.class, () -> a.send("check"));
      assertTrue(b.send("check").ok());
    }
  }

  @Test
  void shutdownStopsTheServerWithStatus0() throws Exception {
    try (SmoClient a = t.client();
        SmoClient b = t.client()) {
      assertTrue(a.send("shutdown").ok());
      assertEquals(0, t.server.awaitStop());
      assertNull(t.server.panicReport());
      assertThrows(IOException.class, () -> b.send("check"));
    }
  }

  @Test
  void closeEndsEveryConnection() throws IOException {
    try (SmoClient a = t.client()) {
      a.send("check");
      t.server.close();
      assertEquals(0, t.server.clients());
      assertThrows(IOException.class, () -> a.send("check"));
    }
  }

  @Test
  void listensOn127001OnlyNotOnEveryAddress() {
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.2", t.port).close());
  }

  @Test
  void clientsBeyondTheLimitAreRefused() throws Exception {
    try (TestServer small = TestServer.withClientLimit(2);
        SmoClient a = small.client();
        SmoClient b = small.client();
        RawClient third = small.raw()) {
      await().until(() -> small.server.clients() == 2);
      assertEquals("ERR too many clients (limit 2)", third.line());
      assertNull(third.line());
      assertTrue(a.send("check").ok());
      assertTrue(b.send("check").ok());
    }
  }
}
