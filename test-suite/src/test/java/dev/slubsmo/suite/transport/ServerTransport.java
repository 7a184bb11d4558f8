package dev.slubsmo.suite.transport;

import dev.slubsmo.testmodule.lang.CommandException;
import dev.slubsmo.testmodule.server.SmoClient;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A machine behind {@code smo serve}, reached with {@link SmoClient}: an {@code OK} reply gives the
 * output, an {@code ERR} reply becomes the {@link CommandException} the session threw there.
 */
public final class ServerTransport implements Transport {
  private final SmoClient client;
  private final String name;

  public ServerTransport(String host, int port, String name) {
    try {
      this.client = SmoClient.connect(host, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
    }
    this.name = name;
  }

  @Override
  public String execute(String line) {
    SmoClient.Reply r;
    try {
      r = client.send(line);
    } catch (IOException e) {
      throw new UncheckedIOException("'" + line + "' over " + name, e);
    }
    if (!r.ok()) {
      throw new CommandException(r.error());
    }
    return r.text();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
