package dev.slubsmo.suite.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.suite.xarray.XArrayModule;
import dev.slubsmo.testmodule.lang.Session;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzzer is checked too: each planted fault must be found within the CI budget, minimized to a
 * short script, and that script must replay through {@code ScriptRunner} on a planted session
 * exactly as its header says, and run clean without the fault. The XArray fault loads the XArray
 * module first; a refused load fails the test.
 */
class PlantedFaultTest {
  private static final Map<String, Campaign.Failure> FOUND = new HashMap<>();

  /** A planted fault, the property that must catch it, the longest acceptable minimized script. */
  record Fault(String name, Plant plant, Property property, int maxLines, boolean xarray) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Fault> faults() {
    return List.of(
        new Fault(
            "(a) migrate loses an object", new LossyMigratePlant(), Property.OBJECT_SET, 8, false),
        new Fault(
            "(b) xarray migrate forgets a parent pointer",
            new ForgottenXaParentPlant(),
            Property.INVARIANTS,
            12,
            true),
        new Fault(
            "(c) free skips the cpu-partial rule",
            new SkippedCpuPartialPlant(),
            Property.INVARIANTS,
            5,
            false));
  }

  private static synchronized Campaign.Failure hunt(Fault f) throws InterruptedException {
    if (f.xarray) {
      XArrayModule.insmod(new Session("machine mem=32M"));
    }
    if (!FOUND.containsKey(f.name)) {
      Campaign.Result r =
          new Campaign(
                  new Campaign.Config(
                      FuzzCampaignTest.SEED, FuzzCampaignTest.BUDGET, 0, 2, f.plant, f.xarray),
                  new PrintStream(OutputStream.nullOutputStream()))
              .run();
      FOUND.put(f.name, r.failure());
      if (r.failure() != null) {
        System.out.println(
            f.name + ": found after " + r.stats().commands + " commands\n" + r.failure().text());
      }
    }
    Campaign.Failure found = FOUND.get(f.name);
    assertNotNull(found, f.name + " not found within " + FuzzCampaignTest.BUDGET + " commands");
    return found;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void isCaughtByItsProperty(Fault f) throws InterruptedException {
    Campaign.Failure found = hunt(f);
    if (f.xarray) {
      assertTrue(
          found.violation().property() == Property.INVARIANTS
              || found.violation().property() == Property.XARRAY_CONTENTS
              || found.violation().property() == Property.CRASH,
          found.violation().toString());
    } else {
      assertEquals(f.property, found.violation().property(), found.violation().message());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void isMinimizedToAShortScript(Fault f) throws InterruptedException {
    List<String> script = hunt(f).script();
    assertTrue(script.size() <= f.maxLines, () -> String.join("\n", script));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void scriptReplaysItsHeaderExactlyOnAPlantedSession(Fault f) throws InterruptedException {
    Campaign.Failure found = hunt(f);
    List<String> fileLines = List.of(found.text().split("\n"));
    int offset = fileLines.size() - found.script().size();
    List<FailureScript.Outcome> replayed = new ArrayList<>();
    for (FailureScript.Outcome o : FailureScript.replay(found.script(), f.plant)) {
      replayed.add(o.shifted(offset));
    }
    assertEquals(FailureScript.recorded(fileLines), replayed);
    assertEquals(fileLines.size(), replayed.get(replayed.size() - 1).line());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void scriptRunsCleanWithoutTheFault(Fault f) throws InterruptedException {
    assertEquals(List.of(), FailureScript.replay(hunt(f).script(), Plant.NONE));
  }
}
