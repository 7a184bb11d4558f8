package dev.slubsmo.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.ToLongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lib/kstrtox.c conversions, base 10. */
class KstrtoxTest {
  private static String outcome(ToLongFunction<String> f, String input) {
    try {
      return Long.toString(f.applyAsLong(input.replace("\\n", "\n")));
    } catch (AttributeError e) {
      return e.errno().name();
    }
  }

  @ParameterizedTest(name = "kstrtoull ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "5|5",
        "+5|5",
        "5\\n|5",
        "007|7",
        "18446744073709551615|-1",
        "18446744073709551616|ERANGE",
        "99999999999999999999x|ERANGE",
        "5\\n\\n|EINVAL",
        "' 5'|EINVAL",
        "'5 '|EINVAL",
        "''|EINVAL",
        "\\n|EINVAL",
        "-5|EINVAL",
        "++5|EINVAL",
        "0x10|EINVAL"
      })
  void kstrtoull(String input, String expected) {
    assertEquals(expected, outcome(Kstrtox::kstrtoull, input));
  }

  @ParameterizedTest(name = "kstrtoll ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-5|-5",
        "+5|5",
        "-0|0",
        "-9223372036854775808|-9223372036854775808",
        "9223372036854775807|9223372036854775807",
        "9223372036854775808|ERANGE",
        "-9223372036854775809|ERANGE",
        "-+5|EINVAL",
        "+-5|EINVAL",
        "--5|EINVAL"
      })
  void kstrtoll(String input, String expected) {
    assertEquals(expected, outcome(Kstrtox::kstrtoll, input));
  }

  @ParameterizedTest(name = "kstrtouint ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"4294967295|4294967295", "4294967296|ERANGE"})
  void kstrtouint(String input, String expected) {
    assertEquals(expected, outcome(Kstrtox::kstrtouint, input));
  }

  @ParameterizedTest(name = "kstrtoint ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"-2147483648|-2147483648", "2147483647|2147483647", "2147483648|ERANGE"})
  void kstrtoint(String input, String expected) {
    assertEquals(expected, outcome(Kstrtox::kstrtoint, input));
  }
}
