package dev.slubsmo.suite.fuzz;

import dev.slubsmo.suite.xarray.XArrayModule;
import dev.slubsmo.testmodule.lang.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code fuzz} profile's entry point: {@code -Dsmo.fuzz.seed=N} (default: the clock, printed),
 * {@code -Dsmo.fuzz.seconds=S} and/or {@code -Dsmo.fuzz.commands=N} (default 1,000,000 commands),
 * {@code -Dsmo.fuzz.threads=T} (default: the processors), {@code -Dsmo.fuzz.out=DIR} for a failing
 * script (default target/fuzz). The report goes to standard output; the rate, which depends on the
 * machine, to standard error. A failed property ends it with an exception naming the script.
 */
public final class FuzzMain {
  private FuzzMain() {}

  /** Commands per second of wall time and per second of CPU time on the fuzzing threads. */
  static String rate(RunStats s, double seconds, int threads) {
    return String.format(
        "%d commands in %.1f s on %d threads: %.0f commands/s, %.0f per CPU-second",
        s.commands, seconds, threads, s.commands / seconds, s.commands / (s.cpuNanos / 1e9));
  }

  public static void main(String[] args) throws InterruptedException, IOException {
    long seed = Long.getLong("smo.fuzz.seed", System.currentTimeMillis());
    long seconds = Long.getLong("smo.fuzz.seconds", 0);
    long commands = Long.getLong("smo.fuzz.commands", seconds > 0 ? 0 : 1_000_000);
    int threads =
        Integer.getInteger("smo.fuzz.threads", Runtime.getRuntime().availableProcessors());
    Path dir = Path.of(System.getProperty("smo.fuzz.out", "target/fuzz"));
    XArrayModule.insmod(new Session("machine mem=32M"));
    long t0 = System.nanoTime();
    Campaign.Result r =
        new Campaign(
                new Campaign.Config(seed, commands, seconds, threads, Plant.NONE, true), System.out)
            .run();
    double secs = (System.nanoTime() - t0) / 1e9;
    System.err.println("smo fuzz: " + rate(r.stats(), secs, threads));
    if (r.failure() != null) {
      Files.createDirectories(dir);
      Path file = dir.resolve("failure-" + seed + ".smo");
      Files.writeString(file, r.failure().text(), StandardCharsets.UTF_8);
      throw new IllegalStateException(
          "smo fuzz: " + r.failure().violation().property() + " failed; script written to " + file);
    }
  }
}
