package dev.slubsmo.suite.python;

import dev.slubsmo.suite.container.SmoServerContainer;
import dev.slubsmo.suite.transport.Transport;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The ported Python suite through {@code SmoClient} against {@code smo serve} in a container: one
 * server for the class, each test booting its own machine with its first line.
 */
@Testcontainers
class PythonSuiteContainerIT extends PythonSuite {
  @Container static final SmoServerContainer SERVER = new SmoServerContainer(false);

  @Override
  protected Transport connect() {
    return SERVER.connect();
  }
}
