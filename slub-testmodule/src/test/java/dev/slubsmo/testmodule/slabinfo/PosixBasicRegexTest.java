package dev.slubsmo.testmodule.slabinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POSIX basic regular expressions as glibc {@code regcomp(REG_ICASE | REG_NOSUB)} sees them. */
class PosixBasicRegexTest {
  private static boolean search(String pattern, String name) throws Exception {
    return PosixBasicRegex.compile(pattern).matches(name);
  }

  @ParameterizedTest(name = "''{0}'' matches ''{1}''")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '"',
      value = {
        "dentry => ext4_fc_dentry_update",
        "DENTRY => dentry",
        "kmalloc-[0-9]*$ => kmalloc-64",
        "^kmalloc => kmalloc-64",
        "*x => a*x",
        "a+ => a+",
        "a\\+ => aaa",
        "ab\\?c => ac",
        "\\(ab\\)\\{2\\} => xababx",
        "x\\{2,\\} => xxx",
        "x\\{,1\\}y => y",
        "\\(a\\)\\1 => AA",
        "foo\\|bar => xbar",
        "\\(^a\\) => abc",
        "a^b => a^b",
        "a$b => a$b",
        "[]a] => ]",
        "[^a-c] => d",
        "[a-] => -",
        "[[:lower:]] => Q",
        "[[:digit:]]\\{2\\} => kmalloc-64",
        "[\\] => \\",
        "\\<dentry => ext4_fc dentry",
        "\\bdentry\\b => dentry",
        "\\w\\W\\w => a-b",
        "\\s => a b",
        "a{1} => a{1}",
        "\\`km => kmalloc",
        "64\\' => kmalloc-64",
        "[[=a=]] => A",
        "[[.-.]] => -"
      })
  void findsAMatch(String pattern, String name) throws Exception {
    assertTrue(search(pattern, name), pattern);
  }

  @ParameterizedTest(name = "''{0}'' does not match ''{1}''")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '"',
      value = {
        "^dentry => ext4_fc_dentry_update",
        "kmalloc-6$ => kmalloc-64",
        "a+ => aaa",
        "ab\\?c => abbc",
        "\\(ab\\)\\{2\\} => abx",
        "[^a-c] => B",
        "\\<dentry => ext4_fc_dentry",
        "\\Bdentry => dentry",
        "\\d => d",
        "x\\{3\\} => xx"
      })
  void doesNotMatch(String pattern, String name) throws Exception {
    assertFalse(search(pattern, name), pattern);
  }

  @ParameterizedTest(name = "''{0}'' is rejected with code {1}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '"',
      value = {
        "abc\\ => 5",
        "\\(a => 8",
        "a\\) => 16",
        "[abc => 7",
        "[[:nope:]] => 4",
        "[z-a] => 11",
        "[a-c-e] => 11",
        "[[.ab.]] => 3",
        "a\\{ => 9",
        "a\\{x\\} => 10",
        "a\\{2,1\\} => 10",
        "a\\{40000\\} => 15",
        "\\{1\\} => 13",
        "a** => 13",
        "\\1 => 6",
        "\\(a\\1\\) => 6"
      })
  void rejects(String pattern, int code) {
    PosixBasicRegex.SyntaxError error =
        assertThrows(PosixBasicRegex.SyntaxError.class, () -> PosixBasicRegex.compile(pattern));
    assertEquals(code, error.code);
  }

  @Test
  void emptyPatternMatchesEverything() throws Exception {
    assertTrue(search("", "anything"));
  }

  @Test
  void nonAsciiNamesAreMatchedAsUtf8Bytes() throws Exception {
    assertTrue(search("^.\\{2\\}$", "é"));
  }
}
