package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.smo.Placement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTest {
  @ParameterizedTest
  @ValueSource(strings = {"none", "shrink", "smo-kernel", "smo-minimal", "defrag:1", "defrag:5000"})
  void wordsReadBack(String word) {
    assertEquals(word, Policy.parse(word).word());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "None", "smo", "defrag", "defrag:", "defrag:0", "defrag:-3", "defrag:x"})
  void badWordsNameTheWordAndTheChoices(String word) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Policy.parse(word));
    assertTrue(e.getMessage().contains("'" + word + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("smo-minimal"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"smo-kernel", "smo-minimal", "defrag:10"})
  void smoPoliciesUseMobility(String word) {
    assertTrue(Policy.parse(word).usesSmo());
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "shrink"})
  void otherPoliciesDoNot(String word) {
    assertFalse(Policy.parse(word).usesSmo());
  }

  @ParameterizedTest
  @ValueSource(strings = {"smo-kernel", "smo-minimal"})
  void smoShrinksHaveTheirPlacement(String word) {
    Placement expected = word.equals("smo-kernel") ? Placement.KERNEL : Placement.MINIMAL_MOVE;
    assertEquals(expected, Policy.parse(word).finalPlacement());
  }
}
