package dev.slubsmo.suite.container;

import dev.slubsmo.suite.transport.Transport;
import dev.slubsmo.testmodule.lang.CommandException;
import java.util.List;

/** What a transport answered to each line of a script: the output, or {@code ERR} and why. */
public final class Transcript {
  private Transcript() {}

  public static String of(Transport t, List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      sb.append("> ").append(line).append('\n');
      try {
        sb.append(t.execute(line));
      } catch (CommandException e) {
        sb.append("ERR ").append(e.getMessage()).append('\n');
      }
    }
    return sb.toString();
  }
}
