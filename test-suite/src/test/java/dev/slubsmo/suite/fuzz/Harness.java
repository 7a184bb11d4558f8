package dev.slubsmo.suite.fuzz;

import dev.slubsmo.suite.xarray.XArrayModule;
import dev.slubsmo.testmodule.lang.CommandException;
import dev.slubsmo.testmodule.lang.Session;
import dev.slubsmo.testmodule.module.SmoTestModule;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs one fuzzed script on a fresh session: each line is classified, run, and checked against the
 * {@link RefModel} and the {@link LineChecks}; the first violation ends the run. A run is either
 * generated as it goes ({@link #generate}) or replays given lines ({@link #replay}, for the
 * minimizer and the corpus).
 */
final class Harness {
  /** What a run did: its lines (up to the failing one), the violation or null, its counts. */
  record Run(List<String> lines, Violation violation, RunStats stats) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Session session;
  private final RefModel model = new RefModel();
  private final RunStats stats = new RunStats();
  private final LineChecks checks = new LineChecks(model, stats);
  private final List<String> done = new ArrayList<>();
  private final long cpuStart = THREADS.getCurrentThreadCpuTime();
  private Violation violation;

  private Harness(Plant plant) {
    this.session = plant.session();
  }

  /**
   * Generates and runs a script of about {@code length} lines on {@code machine}, choosing each
   * command from {@code seed}.
   */
  static Run generate(FuzzMachine machine, int length, long seed, Plant plant) {
    Harness h = new Harness(plant);
    Generator g = new Generator(new SplittableRandom(seed));
    List<String> start = new ArrayList<>(List.of(machine.line()));
    if (machine.xarray()) {
      start.add("insmod " + XArrayModule.NAME);
    }
    for (String line : start) {
      if (h.step(line)) {
        return h.end(h.violation);
      }
    }
    while (h.done.size() < length) {
      int opS = h.session.cache(SmoTestModule.CACHE).objsPerSlab();
      for (String line : g.next(h.model, opS)) {
        if (h.step(line)) {
          return h.end(h.violation);
        }
      }
    }
    return h.end(h.finalCheck());
  }

  /** Runs {@code lines} as a script. */
  static Run replay(List<String> lines, Plant plant) {
    Harness h = new Harness(plant);
    for (String line : lines) {
      if (h.step(line)) {
        return h.end(h.violation);
      }
    }
    return h.end(h.finalCheck());
  }

  /** Runs one line and its checks; true when a property failed. */
  private boolean step(String text) {
    int i = done.size();
    done.add(text);
    Line l = Line.of(text);
    stats.line(l.kind());
    model.before(l, session, checks.listed());
    checks.before(l, session);
    RefModel.Outcome want = model.expected(l);
    CommandException refusal = null;
    try {
      session.execute(text);
    } catch (CommandException e) {
      refusal = e;
    } catch (RuntimeException | StackOverflowError e) {
      violation =
          new Violation(Property.CRASH, i, e.getClass().getName() + ": " + e.getMessage(), text);
      return true;
    }
    violation = checks.acceptance(i, l, want, refusal);
    model.after(l, session, refusal);
    if (violation == null) {
      violation = checks.after(i, l, session, refusal, false);
    }
    if (session.smoModule() != null) {
      stats.fragmentation(session.smoModule().cache(), model.live.size());
    }
    return violation != null;
  }

  /** The whole-machine check at the end of a script. */
  private Violation finalCheck() {
    if (done.isEmpty()) {
      return null;
    }
    int last = done.size() - 1;
    return checks.after(last, Line.of("check"), session, null, true);
  }

  private Run end(Violation v) {
    stats.runs = 1;
    stats.cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
    if (session.smoModule() != null) {
      stats.counters(session.smoModule().cache());
    }
    session.machine().releaseCpus();
    return new Run(List.copyOf(done), v, stats);
  }
}
