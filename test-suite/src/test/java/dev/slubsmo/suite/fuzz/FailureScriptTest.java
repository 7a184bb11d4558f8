package dev.slubsmo.suite.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureScriptTest {
  private static final FailureScript.Outcome TWO_LINES =
      new FailureScript.Outcome(9, "check: first\nsecond", false);

  @Test
  void multiLineMessageIsWrittenAsContinuationComments() {
    assertEquals(
        List.of("# refused 9: check: first", "#   second"),
        FailureScript.comments(List.of(TWO_LINES)));
  }

  @Test
  void recordedOutcomesRoundTrip() {
    List<FailureScript.Outcome> outcomes =
        List.of(new FailureScript.Outcome(3, "cpu: no cpu 9", false), TWO_LINES);
    assertEquals(outcomes, FailureScript.recorded(FailureScript.comments(outcomes)));
  }

  @Test
  void runnerOutputIsParsedWithItsContinuationLines() {
    String err = "f.smo:2: cpu: no cpu 9\nf.smo:9: check: first\nsecond\n";
    assertEquals(
        List.of(new FailureScript.Outcome(2, "cpu: no cpu 9", false), TWO_LINES),
        FailureScript.parse(err, "f.smo"));
  }

  @Test
  void renderedScriptEndsWithTheReproLineItsHeaderPointsAt() {
    List<String> body =
        List.of("machine mem=8M", "expect /sys/kernel/slab/smo_test/slabs total==1");
    String text =
        FailureScript.render(
            new FailureScript.Origin(1, 2, 3, 40),
            new Violation(Property.SHRINK_FLOOR, 1, "too many slabs", body.get(1)),
            body,
            Plant.NONE);
    List<String> lines = List.of(text.split("\n"));
    assertEquals(body, lines.subList(lines.size() - 2, lines.size()));
    assertEquals(
        List.of(
            new FailureScript.Outcome(
                lines.size(),
                "expect /sys/kernel/slab/smo_test/slabs: total is 0, expected == 1",
                false)),
        FailureScript.recorded(lines));
  }

  @Test
  void headerNamesSeedPropertyAndLengths() {
    String text =
        FailureScript.render(
            new FailureScript.Origin(11, 2, 33, 40),
            new Violation(Property.OBJECT_SET, 0, "lost", "check"),
            List.of("machine mem=8M", "check"),
            Plant.NONE);
    assertTrue(text.contains("# seed: 33 (campaign seed 11, run 2)"), text);
    assertTrue(text.contains("# property: OBJECT_SET: "), text);
    assertTrue(text.contains("# length: 40 commands as found, 2 minimized"), text);
  }
}
