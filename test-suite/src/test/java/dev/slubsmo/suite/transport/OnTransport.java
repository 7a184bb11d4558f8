package dev.slubsmo.suite.transport;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The base of a suite written once and run over several transports: a subclass says how to reach a
 * machine ({@link #connect}); each test opens what it needs with {@link #open}, and everything it
 * opened is closed after it.
 */
public abstract class OnTransport {
  private final List<Transport> opened = new ArrayList<>();

  /** A new connection to a machine of this subclass's kind. */
  protected abstract Transport connect();

  /** A transport for this test, closed after it. */
  protected final Transport open() {
    Transport t = connect();
    opened.add(t);
    return t;
  }

  @AfterEach
  final void closeTransports() {
    opened.forEach(Transport::close);
    opened.clear();
  }
}
