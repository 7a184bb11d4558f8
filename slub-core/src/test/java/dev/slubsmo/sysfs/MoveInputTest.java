package dev.slubsmo.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code move} parser on a two-node machine (smo.md 6.1, K6): the lax kernel parser table by
 * table, and the strict parser that rejects everything but the documented forms.
 */
class MoveInputTest {
  private static final int NODES = 2;

  private static String outcome(String value, boolean kernel) {
    try {
      MoveCommand c = MoveInput.parse(value, NODES, kernel);
      return switch (c.kind()) {
        case NONE -> "none";
        case TO_NODE -> "to " + c.node();
        case BETWEEN -> c.node() + " to " + c.target();
      };
    } catch (AttributeError e) {
      return e.errno().name();
    }
  }

  @ParameterizedTest(name = "kernel ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "N1|to 1",
        "1|to 1",
        "n1|to 1",
        "N0 N1|0 to 1",
        "0 1|0 to 1",
        "N1 N1|1 to 1",
        "N1\\n|to 1",
        "N1\\n\\n|to 1",
        "N+1|to 1",
        "''|none",
        "\\n|none",
        "' N1'|none",
        "' N0 N1'|none",
        "N9|none",
        "N-1|none",
        "N9 N0|none",
        "N0 N9|to 0",
        "N0 N-1|to 0",
        "N4294967297|to 1",
        "N0  N1|EINVAL",
        "'N0 N1 '|EINVAL",
        "'N1 '|EINVAL",
        "N0\\tN1|EINVAL",
        "N0 N1 N1|EINVAL",
        "NN1|EINVAL",
        "N|EINVAL",
        "x|EINVAL",
        "N1x|EINVAL",
        "N99999999999999999999|EINVAL",
        "N-+1|EINVAL",
        "N1\\nN0|EINVAL"
      })
  void kernelParserMatchesPatch14(String value, String expected) {
    assertEquals(expected, outcome(unescape(value), true));
  }

  @ParameterizedTest(name = "strict ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "N1|to 1",
        "1|to 1",
        "n1|to 1",
        "N0 N1|0 to 1",
        "0 n1|0 to 1",
        "N1 N1|1 to 1",
        "N1\\n|to 1",
        "''|EINVAL",
        "\\n|EINVAL",
        "' N1'|EINVAL",
        "N9|EINVAL",
        "N2|EINVAL",
        "N-1|EINVAL",
        "N+1|EINVAL",
        "N0 N9|EINVAL",
        "N9 N0|EINVAL",
        "N4294967297|EINVAL",
        "N1\\n\\n|EINVAL",
        "N0  N1|EINVAL",
        "'N1 '|EINVAL",
        "N0\\tN1|EINVAL",
        "N0 N1 N1|EINVAL",
        "NN1|EINVAL",
        "N|EINVAL",
        "x|EINVAL"
      })
  void strictParserAcceptsOnlyTheDocumentedForms(String value, String expected) {
    assertEquals(expected, outcome(unescape(value), false));
  }

  /** CSV cells spell a newline and a tab as backslash escapes. */
  private static String unescape(String cell) {
    return cell.replace("\\n", "\n").replace("\\t", "\t");
  }
}
