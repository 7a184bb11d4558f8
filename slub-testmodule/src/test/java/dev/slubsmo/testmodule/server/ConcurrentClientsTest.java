package dev.slubsmo.testmodule.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.testmodule.lang.Modules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConcurrentClientsTest {
  private static final int CLIENTS = 8;
  private static final int ROUNDS = 100;

  private TestServer t;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @BeforeEach
  void start() throws Exception {
    t = TestServer.start();
    try (SmoClient c = t.client()) {
      assertTrue(c.send("machine slub_debug").ok());
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    t.close();
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
  }

  /** Client {@code i}: each round allocates {@code i + 1} objects and sends a line unique to it. */
  private Callable<List<String>> worker(int i, CountDownLatch go) {
    return () -> {
      List<String> wrong = new ArrayList<>();
      try (SmoClient c = t.client()) {
        go.await();
        for (int r = 0; r < ROUNDS; r++) {
          SmoClient.Reply alloc = c.send("echo alloc " + (i + 1) + " > " + Modules.SMO_CALLFN);
          if (!alloc.ok() || !alloc.output().isEmpty()) {
            wrong.add("alloc: " + alloc);
          }
          String token = "nosuch-" + i + "-" + r;
          SmoClient.Reply mine = c.send(token);
          if (mine.ok() || !mine.error().contains("'" + token + "'")) {
            wrong.add(token + ": " + mine);
          }
        }
      }
      return wrong;
    };
  }

  @Test
  void everyClientGetsItsOwnRepliesAndTheMachineHoldsTheSumOfTheirWork() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      results.add(pool.submit(worker(i, go)));
    }
    go.countDown();
    for (Future<List<String>> f : results) {
      assertEquals(List.of(), f.get(60, TimeUnit.SECONDS));
    }
    long expected = (long) ROUNDS * CLIENTS * (CLIENTS + 1) / 2;
    try (SmoClient c = t.client()) {
      assertEquals(
          List.of(expected + " N0=" + expected),
          c.send("cat /sys/kernel/slab/smo_test/objects").output());
      assertTrue(c.send("check").ok());
    }
  }

  @Test
  void pipelinedRepliesComeInRequestOrder() throws IOException {
    StringBuilder batch = new StringBuilder();
    for (int j = 0; j < 200; j++) {
      batch.append(j % 2 == 0 ? "nosuch-" + j : "cat /sys/kernel/slab/smo_test/order").append('\n');
    }
    try (RawClient c = t.raw()) {
      c.send(batch.toString());
      for (int j = 0; j < 200; j++) {
        List<String> reply = c.reply();
        if (j % 2 == 0) {
          assertTrue(reply.get(0).contains("'nosuch-" + j + "'"), reply::toString);
        } else {
          assertEquals(2, reply.size(), reply::toString);
          assertEquals(Protocol.OK, reply.get(1));
        }
      }
    }
  }

  @Test
  void manyClientsConnectedAtOnceAreAllServed() throws Exception {
    int n = 100;
    List<SmoClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        open.add(t.client());
      }
      await().atMost(30, TimeUnit.SECONDS).until(() -> t.server.clients() == n);
      List<Future<Boolean>> oks = new ArrayList<>();
      for (SmoClient c : open) {
        oks.add(pool.submit(() -> c.send("check").ok()));
      }
      for (Future<Boolean> ok : oks) {
        assertTrue(ok.get(30, TimeUnit.SECONDS));
      }
    } finally {
      for (SmoClient c : open) {
        c.close();
      }
    }
    await().atMost(30, TimeUnit.SECONDS).until(() -> t.server.clients() == 0);
  }

  @Test
  void aClientStuckMidLineHoldsUpNobody() throws IOException {
    try (RawClient silent = t.raw();
        SmoClient busy = t.client()) {
      silent.send("echo alloc 1 > " + Modules.SMO_CALLFN);
      for (int i = 0; i < 50; i++) {
        assertFalse(busy.send("check").output().isEmpty());
      }
    }
  }
}
