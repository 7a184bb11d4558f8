package dev.slubsmo.suite.python;

import dev.slubsmo.suite.container.SmoServerContainer;
import dev.slubsmo.suite.transport.Transport;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The module stress test through {@code SmoClient} against {@code smo serve} in a container. */
@Testcontainers
class ModuleStressContainerIT extends ModuleStress {
  @Container static final SmoServerContainer SERVER = new SmoServerContainer(false);

  @Override
  protected Transport connect() {
    return SERVER.connect();
  }
}
