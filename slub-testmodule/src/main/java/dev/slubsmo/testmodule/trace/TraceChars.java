package dev.slubsmo.testmodule.trace;

/** Scanning helpers over a range of a character buffer, shared by the trace line parsers. */
final class TraceChars {
  private TraceChars() {}

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static int skipSpaces(char[] line, int p, int end) {
    while (p < end && isSpace(line[p])) {
      p++;
    }
    return p;
  }

  static int skipToSpace(char[] line, int p, int end) {
    while (p < end && !isSpace(line[p])) {
      p++;
    }
    return p;
  }

  /** Whether {@code word} is spelled at {@code line[start]}; the caller checks the range fits. */
  static boolean is(char[] line, int start, String word) {
    for (int i = 0; i < word.length(); i++) {
      if (line[start + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code line[start, end)} is exactly {@code word}. */
  static boolean spells(char[] line, int start, int end, String word) {
    return end - start == word.length() && is(line, start, word);
  }

  static boolean startsWith(char[] line, int start, int end, String prefix) {
    return end - start >= prefix.length() && is(line, start, prefix);
  }

  static boolean contains(char[] line, int start, int end, String word) {
    for (int i = start; i + word.length() <= end; i++) {
      if (is(line, i, word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The value of the decimal digits {@code line[start, end)}; the caller checks they are digits.
   */
  static long decimal(char[] line, int start, int end) {
    long value = 0;
    for (int i = start; i < end; i++) {
      value = value * 10 + (line[i] - '0');
    }
    return value;
  }

  static String text(char[] line, int start, int end) {
    return new String(line, start, end - start);
  }
}
