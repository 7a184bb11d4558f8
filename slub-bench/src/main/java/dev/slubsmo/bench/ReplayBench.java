package dev.slubsmo.bench;

import dev.slubsmo.testmodule.replay.Demo;
import dev.slubsmo.testmodule.replay.Policy;
import dev.slubsmo.testmodule.replay.PolicySetup;
import dev.slubsmo.testmodule.replay.Replay;
import dev.slubsmo.testmodule.replay.ReplayOptions;
import dev.slubsmo.testmodule.replay.ReplayResult;
import dev.slubsmo.testmodule.replay.TraceSource;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Trace replay end to end ({@link Replay#run}): the bundled real trace with the demo's geometry,
 * before snapshot and layout, read from the {@code .xz} file or from the decompressed text in
 * memory, onto one machine with SMO shrink ({@code smo-kernel}) or the demo's five machines ({@code
 * demo}), each applying the events on its own thread. The {@code events} counter gives events per
 * second; {@link TraceReadBench} splits off the reading.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g"})
public class ReplayBench {
  /** Which machines the trace is replayed onto. */
  @State(Scope.Benchmark)
  public static class Machines {
    @Param({"smo-kernel", "demo"})
    public String machines;

    ReplayOptions with(TraceSource source) {
      ReplayOptions d = Demo.options(1, null);
      List<PolicySetup> setups =
          machines.equals("demo") ? d.setups() : List.of(PolicySetup.of(Policy.SMO_KERNEL));
      return new ReplayOptions(
          source, d.geometry(), d.before(), d.layout(), d.after(), setups, 1, false, -1, null);
    }
  }

  /** Replay from the {@code .xz} file: decompression, parsing and the machines. */
  @Benchmark
  public ReplayResult replayFromXz(Machines m, TraceReadBench.Trace t, TraceReadBench.Events e) {
    ReplayResult r = Replay.run(m.with(TraceSource.file(t.file)));
    e.events += r.events();
    return r;
  }

  /** Replay from the decompressed text in memory: parsing and the machines. */
  @Benchmark
  public ReplayResult replayFromMemory(
      Machines m, TraceReadBench.Trace t, TraceReadBench.Events e) {
    ReplayResult r =
        Replay.run(
            m.with(
                new TraceSource("memory", () -> new ByteArrayInputStream(t.text), t.text.length)));
    e.events += r.events();
    return r;
  }
}
