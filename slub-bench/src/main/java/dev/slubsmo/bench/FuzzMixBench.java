package dev.slubsmo.bench;

import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.testmodule.lang.Session;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Command-language throughput on a small machine (1 node, 2 CPUs, 16 MiB) with the smo_test module
 * enabled: a fixed cycle of {@link #MIX} commands (allocations, frees at list positions, a sysfs
 * read, shrink and defrag) that returns to the same object count each cycle. With a full {@link
 * InvariantChecker#check} after every command, the way a fuzzer runs; and without it, and the check
 * alone, to show where the time goes. Ops are commands (or checks). The fuzzer itself lives in
 * test-suite's test sources, out of this module's reach; {@code ci/bench.sh} runs it for its own
 * rate, and this mix is its proxy inside JMH.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class FuzzMixBench {
  static final String CALLFN = "/sys/kernel/debug/smo/callfn";
  static final String[] MIX = {
    "echo alloc 64 > " + CALLFN,
    "echo free 16 8 > " + CALLFN,
    "cat /sys/kernel/slab/smo_test/partial",
    "echo alloc 16 0 > " + CALLFN,
    "echo free 32 0 > " + CALLFN,
    "echo 1 > /sys/kernel/slab/smo_test/shrink",
    "echo free 32 4 > " + CALLFN,
    "defrag_slabs",
  };

  private Session session;
  private int next;

  @Setup
  public void boot() {
    session = new Session();
    session.execute("machine mem=16M");
    session.execute("echo enable > " + CALLFN);
    for (String c : MIX) {
      session.execute(c);
    }
  }

  private String step() {
    String out = session.execute(MIX[next]);
    next = (next + 1) % MIX.length;
    return out;
  }

  /** One command, then every invariant of the machine. */
  @Benchmark
  public String commandThenCheck() {
    String out = step();
    InvariantChecker.check(session.machine());
    return out;
  }

  /** One command, no check. */
  @Benchmark
  public String commandOnly() {
    return step();
  }

  /** The invariant check alone, on the machine the mix leaves behind. */
  @Benchmark
  public void checkOnly() {
    InvariantChecker.check(session.machine());
  }
}
