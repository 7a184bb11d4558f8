package dev.slubsmo.testmodule.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small parsing helpers shared by the commands: integers, sizes and {@code key=value} words. */
final class Words {
  private Words() {}

  /** Splits a line at runs of blanks (spaces and tabs). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    for (String w : line.trim().split("[ \t]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  static int integer(String what, String token) {
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw new CommandException(what + ": '" + token + "' is not a decimal integer");
    }
  }

  static long longValue(String what, String token) {
    try {
      return Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw new CommandException(what + ": '" + token + "' is not a decimal integer");
    }
  }

  /** A size such as {@code 1073741824}, {@code 512M}, {@code 1G}, {@code 64k}. */
  static long size(String what, String token) {
    String t = token.toUpperCase(Locale.ROOT);
    long unit = 1;
    if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
      unit = t.endsWith("K") ? 1L << 10 : t.endsWith("M") ? 1L << 20 : 1L << 30;
      t = t.substring(0, t.length() - 1);
    }
    try {
      long v = Long.parseLong(t);
      if (v <= 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(v, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new CommandException(
          what + ": '" + token + "' is not a size (expected bytes, or a number with K, M or G)");
    }
  }

  /** The value of a {@code key=value} word, or null when the word has another key. */
  static String value(String word, String key) {
    return word.startsWith(key + "=") ? word.substring(key.length() + 1) : null;
  }
}
