package dev.slubsmo.suite.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slubsmo.suite.container.SmoServerContainer;
import dev.slubsmo.suite.container.Transcript;
import dev.slubsmo.suite.transport.InProcessTransport;
import dev.slubsmo.suite.transport.ServerTransport;
import dev.slubsmo.suite.transport.Transport;
import dev.slubsmo.suite.xarray.XArrayModule;
import dev.slubsmo.testmodule.lang.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A short fuzz campaign a second time, through the client: each run is generated and checked in
 * this JVM by the {@link Harness} (every property after every line), then its lines and a final
 * {@code check} go to a fresh machine here and to {@code smo serve} in a container, and the two
 * transcripts (every output and every refusal) must be the same bytes.
 */
@Testcontainers
class FuzzOverTheWireIT {
  private static final long SEED = 20190603L;
  private static final int RUNS = 16;

  @Container static final SmoServerContainer SERVER = new SmoServerContainer(false);

  /** Runs planned as {@link Campaign} plans them: a run seed, then its machine and length. */
  static List<Arguments> runs() {
    XArrayModule.insmod(new Session("machine mem=32M"));
    SplittableRandom master = new SplittableRandom(SEED);
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long runSeed = master.nextLong();
      SplittableRandom r = new SplittableRandom(runSeed);
      FuzzMachine m = FuzzMachine.random(r, true);
      out.add(Arguments.of(m, runSeed, 60 + r.nextInt(440)));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}, seed {1}, {2} lines")
  @MethodSource("runs")
  void fuzzedRunAnswersTheSameOverTheWire(FuzzMachine m, long seed, int length) {
    Harness.Run run = Harness.generate(m, length, seed, Plant.NONE);
    assertNull(run.violation(), () -> run.violation().toString());
    List<String> lines = new ArrayList<>(run.lines());
    lines.add("check");
    String local;
    try (Transport t = new InProcessTransport()) {
      local = Transcript.of(t, lines);
    }
    try (ServerTransport t = SERVER.connect()) {
      assertEquals(local, Transcript.of(t, lines));
    }
  }
}
