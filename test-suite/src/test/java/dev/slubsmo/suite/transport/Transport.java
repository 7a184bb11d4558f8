package dev.slubsmo.suite.transport;

import dev.slubsmo.testmodule.lang.CommandException;

/**
 * How a test reaches one machine: a line of the command language in, what it printed out. The same
 * suite runs over each implementation (in this JVM, or through the client to a server in a
 * container) and must see the same results.
 */
public interface Transport extends AutoCloseable {
  /**
   * Runs one line; returns its output, each printed line ending in a newline.
   *
   * @throws CommandException when the machine refused the line (it then changed nothing)
   */
  String execute(String line);

  /** A short name for test reports: {@code in-process} or {@code container}. */
  String name();

  /** Lets go of the machine. */
  @Override
  void close();
}
