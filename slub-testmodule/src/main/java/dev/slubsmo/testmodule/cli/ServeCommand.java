package dev.slubsmo.testmodule.cli;

import dev.slubsmo.testmodule.lang.Session;
import dev.slubsmo.testmodule.server.SmoServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smo serve}: one machine behind the loopback server (docs/PROTOCOL.md). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve one machine's command language on 127.0.0.1 over TCP.",
      "Prints 'smo server listening on 127.0.0.1:PORT' when ready.",
      "Stops on the 'shutdown' command (exit 0), on SIGTERM,",
      "or after a panic with --panic-on-bug (exit 3)."
    })
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "0",
      description = "TCP port on 127.0.0.1; 0 lets the system choose (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--panic-on-bug",
      description = "print the report and exit 3 when the model logs a BUG or 'check' fails")
  boolean panicOnBug;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--port: " + port + " is not a TCP port (expected 0 to 65535)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SmoServer server = new SmoServer(Session::new, panicOnBug);
    int bound;
    try {
      bound = server.start(port);
    } catch (IOException e) {
      err.println(
          "smo serve: cannot listen on " + SmoServer.HOST + ":" + port + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    Thread onSigterm = new Thread(server::close, "smo-server-sigterm");
    Runtime.getRuntime().addShutdownHook(onSigterm);
    out.println("smo server listening on " + SmoServer.HOST + ":" + bound);
    out.flush();
    int status = server.awaitStop();
    server.close();
    try {
      Runtime.getRuntime().removeShutdownHook(onSigterm);
    } catch (IllegalStateException e) {
      // SIGTERM: the JVM is already running the hook.
    }
    if (status == SmoServer.PANIC_STATUS) {
      err.println(server.panicReport());
      err.flush();
    }
    return status;
  }
}
