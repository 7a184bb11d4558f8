package dev.slubsmo.suite.container;

import dev.slubsmo.suite.transport.ServerTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * {@code smo serve} in its own container: host networking (the CI daemon has no bridge), a free
 * port on 127.0.0.1 chosen here, ready when the server prints its listening line. A crash, hang or
 * panic ends this container, not the test JVM; its log and exit status stay readable after it.
 */
public final class SmoServerContainer extends GenericContainer<SmoServerContainer> {
  public static final String HOST = "127.0.0.1";
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final int port;

  /** A server container; {@code panicOnBug} adds {@code --panic-on-bug}. */
  public SmoServerContainer(boolean panicOnBug) {
    super(SmoImage.get());
    this.port = freePort();
    List<String> cmd = new ArrayList<>(List.of("serve", "--port", Integer.toString(port)));
    if (panicOnBug) {
      cmd.add("--panic-on-bug");
    }
    withNetworkMode("host");
    withCommand(cmd.toArray(String[]::new));
    waitingFor(
        Wait.forLogMessage(
                ".*smo server listening on " + Pattern.quote(HOST + ":" + port) + "\\s*", 1)
            .withStartupTimeout(STARTUP));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  public int port() {
    return port;
  }

  /** A new connection to the server. */
  public ServerTransport connect() {
    return new ServerTransport(HOST, port, "container");
  }

  /** The container's exit status once it has stopped, else null. */
  public Long exitCode() {
    var state =
        DockerClientFactory.instance()
            .client()
            .inspectContainerCmd(getContainerId())
            .exec()
            .getState();
    return Boolean.TRUE.equals(state.getRunning()) ? null : state.getExitCodeLong();
  }
}
