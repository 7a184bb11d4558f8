package dev.slubsmo.testmodule.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.testmodule.lang.Modules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed lines and abrupt disconnects: answered or ignored, and the server goes on serving. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadInputTest {
  private static final String OBJECTS = "cat /sys/kernel/slab/smo_test/objects";
  private static final List<String> CHECK_OK = List.of(". ok", Protocol.OK);

  private TestServer t;

  @BeforeEach
  void start() throws Exception {
    t = TestServer.start();
    try (SmoClient c = t.client()) {
      c.send("machine slub_debug");
    }
  }

  @AfterEach
  void stop() {
    t.close();
  }

  /** {@code n} seeded random bytes, none of them {@code \n}. */
  private static byte[] garbage(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    for (int i = 0; i < n; i++) {
      if (b[i] == '\n') {
        b[i] = 'x';
      }
    }
    return b;
  }

  private static byte[] line(byte[] body) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(body);
    b.write('\n');
    return b.toByteArray();
  }

  @Test
  void megabyteGarbageLineGetsErrAndTheConnectionGoesOn() throws IOException {
    try (RawClient c = t.raw()) {
      c.send(line(garbage(1 << 20, 42)));
      c.send("check\n");
      assertEquals(
          List.of("ERR line too long (more than " + Protocol.MAX_REQUEST + " bytes; discarded)"),
          c.reply());
      assertEquals(CHECK_OK, c.reply());
    }
  }

  @Test
  void lineOfExactlyTheLimitIsRun() throws IOException {
    String padded = "#".repeat(Protocol.MAX_REQUEST);
    try (RawClient c = t.raw()) {
      c.send(padded + "\n");
      assertEquals(List.of(Protocol.OK), c.reply());
    }
  }

  @Test
  void malformedUtf8GetsAnErrNamingTheByte() throws IOException {
    try (RawClient c = t.raw()) {
      c.send(new byte[] {'c', 'a', 't', ' ', (byte) 0xc3, '(', '\n'});
      assertEquals(List.of("ERR line is not valid UTF-8 (byte 0xc3 at offset 4)"), c.reply());
      c.send("check\n");
      assertEquals(CHECK_OK, c.reply());
    }
  }

  @Test
  void crlfLineIsRunLikeLf() throws IOException {
    try (RawClient c = t.raw()) {
      c.send("check\r\n");
      assertEquals(CHECK_OK, c.reply());
    }
  }

  @Test
  void disconnectMidLineNeverRunsThePartialLineAndDisturbsNoOne() throws IOException {
    try (SmoClient other = t.client()) {
      List<String> before = other.send(OBJECTS).output();
      RawClient quitter = t.raw();
      quitter.send("echo alloc 5 > " + Modules.SMO_CALLFN);
      await().atMost(10, TimeUnit.SECONDS).until(() -> t.server.clients() == 2);
      quitter.abort();
      await().atMost(10, TimeUnit.SECONDS).until(() -> t.server.clients() == 1);
      assertEquals(before, other.send(OBJECTS).output());
    }
  }

  @Test
  void disconnectBeforeReadingTheReplyDisturbsNoOne() throws IOException {
    try (SmoClient other = t.client()) {
      RawClient quitter = t.raw();
      quitter.send("cat /proc/slabinfo\necho alloc 3 > " + Modules.SMO_CALLFN + "\n");
      quitter.abort();
      await().atMost(10, TimeUnit.SECONDS).until(() -> t.server.clients() == 1);
      assertEquals(new SmoClient.Reply(List.of("ok"), true, null), other.send("check"));
    }
  }

  @Test
  void utf8TextReachesTheSessionIntact() throws IOException {
    try (SmoClient c = t.client()) {
      SmoClient.Reply r = c.send("frob-\u00e9\u20ac");
      assertTrue(r.error().contains("'frob-\u00e9\u20ac'"), r::toString);
    }
  }
}
