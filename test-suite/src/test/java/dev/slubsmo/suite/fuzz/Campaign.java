package dev.slubsmo.suite.fuzz;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many fuzzed runs from one seed, on several threads, until a budget of commands or seconds is
 * spent. Runs are planned in order from the campaign seed (each gets its own seed, machine and
 * length) and executed in chunks; results are taken in run order, so with a command budget the
 * printed report is the same bytes on every run of the same seed. The first failing run (in run
 * order) ends the campaign after its chunk and is minimized into a script.
 */
final class Campaign {
  static final int CHUNK = 32;

  /** How to run: the seed, budgets (0: none), threads, the planted fault, XArray on or off. */
  record Config(long seed, long commands, long seconds, int threads, Plant plant, boolean xarray) {}

  /** A failure found and minimized. */
  record Failure(
      FailureScript.Origin origin, Violation violation, List<String> script, String text) {}

  /** What a campaign did: its counts, and the first failure or null. */
  record Result(RunStats stats, Failure failure, List<String> machines) {}

  private record Planned(long index, long seed, FuzzMachine machine, int length) {}

  private final Config config;
  private final PrintStream out;
  private final SplittableRandom master;
  private final long startNanos = System.nanoTime();
  private long planned;

  Campaign(Config config, PrintStream out) {
    this.config = config;
    this.out = out;
    this.master = new SplittableRandom(config.seed);
  }

  private Planned plan() {
    long runSeed = master.nextLong();
    SplittableRandom r = new SplittableRandom(runSeed);
    FuzzMachine m = FuzzMachine.random(r, config.xarray);
    return new Planned(planned++, runSeed, m, 60 + r.nextInt(440));
  }

  private boolean spent(long commands) {
    boolean byCommands = config.commands > 0 && commands >= config.commands;
    boolean byTime =
        config.seconds > 0 && System.nanoTime() - startNanos >= config.seconds * 1_000_000_000L;
    return byCommands || byTime;
  }

  Result run() throws InterruptedException {
    out.println(
        "smo fuzz: seed "
            + config.seed
            + ", budget "
            + (config.commands > 0 ? config.commands + " commands" : "")
            + (config.commands > 0 && config.seconds > 0 ? " or " : "")
            + (config.seconds > 0 ? config.seconds + " s" : "")
            + ", xarray "
            + (config.xarray ? "on" : "off"));
    RunStats total = new RunStats();
    MachineMix mix = new MachineMix();
    long step = config.commands > 0 ? Math.max(1, config.commands / 10) : 250_000;
    long nextProgress = step;
    ExecutorService pool = Executors.newFixedThreadPool(config.threads);
    try {
      while (!spent(total.commands)) {
        List<Planned> chunk = new ArrayList<>();
        List<Future<Harness.Run>> runs = new ArrayList<>();
        for (int i = 0; i < CHUNK; i++) {
          Planned p = plan();
          chunk.add(p);
          runs.add(pool.submit(() -> Harness.generate(p.machine, p.length, p.seed, config.plant)));
        }
        Harness.Run failed = null;
        Planned failedPlan = null;
        for (int i = 0; i < CHUNK; i++) {
          Harness.Run r = get(runs.get(i));
          total.add(r.stats());
          mix.add(chunk.get(i).machine);
          if (r.violation() != null && failed == null) {
            failed = r;
            failedPlan = chunk.get(i);
          }
        }
        if (total.commands >= nextProgress) {
          out.println("progress: runs " + total.runs + ", commands " + total.commands);
          nextProgress = (total.commands / step + 1) * step;
        }
        if (failed != null) {
          Failure f = minimize(failedPlan, failed);
          Report.print(out, total, mix, f);
          return new Result(total, f, mix.lines());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    Report.print(out, total, mix, null);
    return new Result(total, null, mix.lines());
  }

  private Failure minimize(Planned p, Harness.Run run) {
    Minimizer.Result m = Minimizer.minimize(run.lines(), run.violation(), config.plant);
    List<String> script = new ArrayList<>(m.lines());
    Violation v = m.violation();
    int found = run.lines().size();
    if (!v.repro().equals(script.get(script.size() - 1))) {
      script.add(v.repro());
      found++;
    }
    FailureScript.Origin o = new FailureScript.Origin(config.seed, p.index, p.seed, found);
    return new Failure(o, v, script, FailureScript.render(o, v, script, config.plant));
  }

  private static Harness.Run get(Future<Harness.Run> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("fuzz run crashed outside a line", e.getCause());
    }
  }

  /** How many runs had each machine shape. */
  static final class MachineMix {
    private final long[] nodes = new long[5];
    private long debug;
    private long minimalMove;
    private long xarray;
    private long runs;

    void add(FuzzMachine m) {
      nodes[m.nodes()]++;
      debug += m.debug() ? 1 : 0;
      minimalMove += m.placement().equals("minimal-move") ? 1 : 0;
      xarray += m.xarray() ? 1 : 0;
      runs++;
    }

    List<String> lines() {
      return List.of(
          "machines: 1/2/3/4 nodes "
              + nodes[1]
              + "/"
              + nodes[2]
              + "/"
              + nodes[3]
              + "/"
              + nodes[4]
              + ", slub_debug on/off "
              + debug
              + "/"
              + (runs - debug)
              + ", placement kernel/minimal-move "
              + (runs - minimalMove)
              + "/"
              + minimalMove
              + ", with xarray "
              + xarray);
    }
  }
}
