package dev.slubsmo.testmodule.cli;

import dev.slubsmo.testmodule.lang.CommandException;
import dev.slubsmo.testmodule.lang.Session;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;

/** {@code smo shell}: the command language, interactively, with line editing and history. */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = "Type command-language lines at a prompt (history in ~/.smo_history).")
final class ShellCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    Session session = new Session();
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .variable(
                  LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".smo_history"))
              .build();
      while (true) {
        String line;
        try {
          line = reader.readLine("smo> ");
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return 0;
        }
        if (line.strip().equals("exit") || line.strip().equals("quit")) {
          return 0;
        }
        try {
          terminal.writer().print(session.execute(line));
        } catch (CommandException e) {
          terminal.writer().println("error: " + e.getMessage());
        }
        terminal.flush();
      }
    }
  }
}
