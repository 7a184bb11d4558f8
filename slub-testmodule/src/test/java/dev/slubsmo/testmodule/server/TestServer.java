package dev.slubsmo.testmodule.server;

import dev.slubsmo.testmodule.lang.Session;
import java.io.IOException;
import java.util.function.Supplier;

/** A started server on a system-chosen loopback port, closed by the test. */
final class TestServer implements AutoCloseable {
  final SmoServer server;
  final int port;

  private TestServer(SmoServer server) throws IOException, InterruptedException {
    this.server = server;
    this.port = server.start(0);
  }

  static TestServer start() throws IOException, InterruptedException {
    return new TestServer(new SmoServer(Session::new, false));
  }

  static TestServer start(Supplier<Session> session, boolean panicOnBug)
      throws IOException, InterruptedException {
    return new TestServer(new SmoServer(session, panicOnBug));
  }

  static TestServer withClientLimit(int max) throws IOException, InterruptedException {
    return new TestServer(new SmoServer(Session::new, false, max));
  }

  SmoClient client() throws IOException {
    return SmoClient.connect(SmoServer.HOST, port);
  }

  RawClient raw() throws IOException {
    return new RawClient(port);
  }

  @Override
  public void close() {
    server.close();
  }
}
