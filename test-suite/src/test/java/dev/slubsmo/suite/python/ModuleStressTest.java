package dev.slubsmo.suite.python;

import dev.slubsmo.suite.transport.InProcessTransport;
import dev.slubsmo.suite.transport.Transport;

/** The module stress test on machines in this JVM. */
class ModuleStressTest extends ModuleStress {
  @Override
  protected Transport connect() {
    return new InProcessTransport();
  }
}
