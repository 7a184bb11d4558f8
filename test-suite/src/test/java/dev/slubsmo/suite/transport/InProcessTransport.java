package dev.slubsmo.suite.transport;

import dev.slubsmo.testmodule.lang.Session;

/** The machine in this JVM: a {@link Session}. */
public final class InProcessTransport implements Transport {
  private final Session session = new Session();

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
