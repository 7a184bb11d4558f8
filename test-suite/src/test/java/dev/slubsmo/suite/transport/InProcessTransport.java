package dev.slubsmo.suite.transport;

import dev.slubsmo.testmodule.lang.Session;

/** The machine in this JVM: a {@link Session}. */
public final class InProcessTransport implements Transport {
  private final Session session;

  /** A new session on a default machine. */
  public InProcessTransport() {
    this(new Session());
  }

  /** An existing session, for tests that also drive its machine directly. */
  public InProcessTransport(Session session) {
    this.session = session;
  }

  @Override
  public String execute(String line) {
    return session.execute(line);
  }

  @Override
  public String name() {
    return "in-process";
  }

  @Override
  public void close() {
    session.machine().shutdown();
  }
}
