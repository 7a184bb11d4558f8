package dev.slubsmo.testmodule.server;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.KernelLog;
import dev.slubsmo.testmodule.lang.CommandException;
import dev.slubsmo.testmodule.lang.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The loopback server: one machine (one {@link Session}) driven by the command language over TCP on
 * 127.0.0.1 (docs/PROTOCOL.md).
 *
 * <p>Protocol. A request is one UTF-8 line ending in {@code \n} (a {@code \r} before it is
 * dropped), at most 65536 bytes. The reply is the command's output, each line sent as {@code ". "}
 * + line, then exactly one status line, {@code OK} or {@code ERR message}; a data line always
 * starts with {@code ". "}, so it can never be taken for a status line. {@code quit} answers {@code
 * OK} and closes the connection; {@code shutdown} answers {@code OK} and stops the server. An
 * overlong line is skipped to its {@code \n} and answered {@code ERR line too long ...}; a line
 * that is not UTF-8 is answered {@code ERR line is not valid UTF-8 ...}; a partial line cut off by
 * a disconnect is never run.
 *
 * <p>Concurrency. Each client has a reader thread that hands its line to a single executor thread
 * and waits for the result, so lines from all clients reach the session one at a time in arrival
 * order, and each client's replies come in its request order. Only the executor thread touches the
 * session.
 *
 * <p>Panic on bug (like {@code panic_on_warn}): when a command makes the machine log a BUG report,
 * {@code check} fails, or the model throws, the client gets its reply and the server then stops
 * with {@link #PANIC_STATUS} and keeps the report for {@link #panicReport()}.
 */
public final class SmoServer implements AutoCloseable {
  public static final String HOST = "127.0.0.1";

  /** Exit status after a panic. */
  public static final int PANIC_STATUS = 3;

  static final int MAX_CLIENTS = 256;
  private static final String CHECK = "check";
  private static final String PANIC = "smo server: panic-on-bug: ";

  private final Supplier<Session> newSession;
  private final boolean panicOnBug;
  private final int maxClients;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(r -> daemon(r, "smo-server-session"));
  private final Map<ClientConnection, Thread> clients = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicReference<Outcome.Stop> stop = new AtomicReference<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean halted;
  private Session session;
  private ServerSocket listener;
  private Thread acceptor;

  /**
   * A server whose machine {@code newSession} boots on the executor thread (the model's CPUs belong
   * to the thread that first uses them, so the session must be made where it will run); with {@code
   * panicOnBug} a BUG report or failed check stops the server.
   */
  public SmoServer(Supplier<Session> newSession, boolean panicOnBug) {
    this(newSession, panicOnBug, MAX_CLIENTS);
  }

  SmoServer(Supplier<Session> newSession, boolean panicOnBug, int maxClients) {
    this.newSession = newSession;
    this.panicOnBug = panicOnBug;
    this.maxClients = maxClients;
  }

  /**
   * Boots the machine, then listens on 127.0.0.1:{@code port} (0: a port the system picks); returns
   * the bound port. An exception from the session's supplier is rethrown.
   */
  public synchronized int start(int port) throws IOException, InterruptedException {
    if (listener != null || stop.get() != null) {
      throw new IllegalStateException("server already started or stopped");
    }
    boot();
    ServerSocket s = new ServerSocket();
    try {
      s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 128);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
    listener = s;
    acceptor = daemon(this::acceptLoop, "smo-server-accept");
    acceptor.start();
    return s.getLocalPort();
  }

  private void boot() throws InterruptedException {
    try {
      executor.submit(() -> session = newSession.get()).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("the session did not boot", e.getCause());
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void acceptLoop() {
    while (stop.get() == null) {
      Socket s;
      try {
        s = listener.accept();
      } catch (IOException e) {
        if (listener.isClosed()) {
          return;
        }
        backOff();
        continue;
      }
      admit(s);
    }
  }

  /** After a failed accept (for example, out of file descriptors), waits before retrying. */
  private static void backOff() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void admit(Socket s) {
    if (clients.size() >= maxClients) {
      refuse(s, "too many clients (limit " + maxClients + ")");
      return;
    }
    ClientConnection c = new ClientConnection(this, s);
    Thread t = daemon(c, "smo-client-" + connections.incrementAndGet());
    clients.put(c, t);
    if (stop.get() != null) {
      clients.remove(c);
      c.close();
      return;
    }
    t.start();
  }

  private static void refuse(Socket s, String why) {
    try (Socket closing = s) {
      OutputStream out = closing.getOutputStream();
      Protocol.writeReply(out, "", why);
    } catch (IOException e) {
      // The refused client is gone already; nothing else to do.
    }
  }

  /** Called by a connection's thread as it ends. */
  void left(ClientConnection c) {
    clients.remove(c);
  }

  /** Runs {@code line} on the executor thread, after every line that arrived before it. */
  Outcome execute(String line) throws InterruptedException {
    Future<Outcome> f;
    try {
      f = executor.submit(() -> apply(line));
    } catch (RejectedExecutionException e) {
      return Outcome.error("server is stopping");
    }
    try {
      return f.get();
    } catch (ExecutionException e) {
      return Outcome.error("internal error: " + e.getCause());
    }
  }

  /** One line on the session (executor thread only). */
  private Outcome apply(String line) {
    if (halted) {
      return Outcome.error("server is stopping");
    }
    if (line.strip().equals(Protocol.SHUTDOWN)) {
      halted = true;
      return Outcome.ok("").thenStop(new Outcome.Stop(0, null));
    }
    Machine before = session.machine();
    int bugs = before.log().bugCount();
    int logged = before.log().size();
    Outcome o;
    try {
      o = Outcome.ok(session.execute(line));
    } catch (CommandException e) {
      o = Outcome.error(e.getMessage());
      if (panicOnBug && line.strip().equals(CHECK)) {
        return panic(o, PANIC + e.getMessage());
      }
    } catch (RuntimeException e) {
      o = Outcome.error("internal error: " + e);
      if (panicOnBug) {
        return panic(o, PANIC + "internal error running '" + line + "'\n" + stackTrace(e));
      }
      return o;
    }
    return panicOnBug ? panicIfBug(line, before, bugs, logged, o) : o;
  }

  /** Panics when the command made the machine's log count a new BUG report. */
  private Outcome panicIfBug(String line, Machine before, int bugs, int logged, Outcome o) {
    boolean rebooted = session.machine() != before;
    KernelLog log = session.machine().log();
    if (log.bugCount() <= (rebooted ? 0 : bugs)) {
      return o;
    }
    StringBuilder report = new StringBuilder(PANIC + "BUG reported while running '" + line + "'");
    List<String> lines = log.linesFrom(rebooted ? 0 : logged);
    for (String l : lines) {
      report.append('\n').append(l);
    }
    return panic(o, report.toString());
  }

  private Outcome panic(Outcome o, String report) {
    halted = true;
    return o.thenStop(new Outcome.Stop(PANIC_STATUS, report));
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString().stripTrailing();
  }

  /** Stops accepting, closes every connection and lets queued lines drain; the first stop wins. */
  void stop(Outcome.Stop s) {
    if (!stop.compareAndSet(null, s)) {
      return;
    }
    halted = true;
    synchronized (this) {
      if (listener != null) {
        try {
          listener.close();
        } catch (IOException e) {
          // The acceptor ends on the next accept either way.
        }
      }
    }
    clients.keySet().forEach(ClientConnection::close);
    executor.shutdown();
    stopped.countDown();
  }

  /** Waits until {@code shutdown}, a panic or {@link #close()}; returns the exit status. */
  public int awaitStop() throws InterruptedException {
    stopped.await();
    return stop.get().status();
  }

  /** The panic report, or null when the server has not panicked. */
  public String panicReport() {
    Outcome.Stop s = stop.get();
    return s == null ? null : s.report();
  }

  /** How many clients are connected. */
  public int clients() {
    return clients.size();
  }

  /** Stops the server (status 0 unless it stopped already) and waits for its threads. */
  @Override
  public void close() {
    stop(new Outcome.Stop(0, null));
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
      Thread a;
      synchronized (this) {
        a = acceptor;
      }
      if (a != null) {
        a.join(TimeUnit.SECONDS.toMillis(5));
      }
      for (Thread t : clients.values()) {
        if (t != Thread.currentThread()) {
          t.join(TimeUnit.SECONDS.toMillis(5));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
