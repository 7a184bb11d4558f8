package dev.slubsmo.suite.python;

import dev.slubsmo.suite.transport.InProcessTransport;
import dev.slubsmo.suite.transport.Transport;

/** The ported Python suite on machines in this JVM. */
class PythonSuiteTest extends PythonSuite {
  @Override
  protected Transport connect() {
    return new InProcessTransport();
  }
}
