package dev.slubsmo.testmodule.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.testmodule.server.SmoClient;
import dev.slubsmo.testmodule.server.SmoServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code smo serve}: the ready line, the exit statuses, and refused options. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServeCommandTest {
  private static final Pattern READY =
      Pattern.compile("smo server listening on 127\\.0\\.0\\.1:(\\d+)\n");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
  }

  private CommandLine serve() {
    return new CommandLine(new ServeCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
  }

  @Test
  void printsTheReadyLineAndExits0OnShutdown() throws Exception {
    Future<Integer> status = pool.submit(() -> serve().execute());
    await().atMost(30, TimeUnit.SECONDS).until(() -> READY.matcher(out.toString()).matches());
    Matcher m = READY.matcher(out.toString());
    assertTrue(m.matches());
    try (SmoClient c = SmoClient.connect(SmoServer.HOST, Integer.parseInt(m.group(1)))) {
      assertTrue(c.send("check").ok());
      assertTrue(c.send("shutdown").ok());
    }
    assertEquals(0, status.get(30, TimeUnit.SECONDS));
    assertEquals("", err.toString());
  }

  @Test
  void portOutOfRangeIsAUsageError() {
    assertEquals(2, serve().execute("--port", "65536"));
    assertTrue(err.toString().startsWith("--port: 65536 is not a TCP port"), err.toString());
  }

  @Test
  void busyPortExits1WithTheReason() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName(SmoServer.HOST))) {
      String port = String.valueOf(busy.getLocalPort());
      assertEquals(1, serve().execute("--port", port));
      assertTrue(
          err.toString().startsWith("smo serve: cannot listen on 127.0.0.1:" + port + ": "),
          err.toString());
    }
  }
}
