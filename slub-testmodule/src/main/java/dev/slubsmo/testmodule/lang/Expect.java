package dev.slubsmo.testmodule.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code expect PATH = TEXT} and {@code expect PATH TERM...}: an assertion a script can carry, so a
 * failure found by a program replays as a refused line. The text form compares the whole file,
 * without its trailing newline, with TEXT. The term form reads a count line ({@code 42 N0=40 N1=2},
 * {@code 7 C0=5 C3=2}): each TERM is {@code KEY==N}, {@code KEY<=N} or {@code KEY>=N}, where KEY is
 * {@code total} (the leading number) or a suffix field such as {@code N1}; a field the line leaves
 * out reads 0, as {@code show_slab_objects} omits zero counts.
 */
final class Expect {
  private Expect() {}

  /** Checks {@code args} (PATH first) against {@code content}; refuses with what differs. */
  static void check(List<String> args, String line, String content) {
    if (args.size() < 2) {
      throw new CommandException("expect: expected expect PATH = TEXT or expect PATH TERM...");
    }
    String path = args.get(0);
    if (args.get(1).equals("=")) {
      String want = textAfterEquals(line, path);
      String got = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
      if (!got.equals(want)) {
        throw new CommandException(
            "expect " + path + ": reads '" + got + "', expected '" + want + "'");
      }
      return;
    }
    List<Term> terms = new ArrayList<>();
    for (String term : args.subList(1, args.size())) {
      terms.add(Term.parse(term));
    }
    Map<String, Long> fields = fields(path, content);
    for (Term t : terms) {
      long got = fields.getOrDefault(t.key, 0L);
      if (!t.holds(got)) {
        throw new CommandException(
            "expect " + path + ": " + t.key + " is " + got + ", expected " + t.op + " " + t.value);
      }
    }
  }

  private static String textAfterEquals(String line, String path) {
    int at = line.indexOf(path) + path.length();
    int eq = line.indexOf('=', at);
    String rest = line.substring(eq + 1);
    return rest.startsWith(" ") ? rest.substring(1) : rest;
  }

  /** The count line's fields: {@code total} and each {@code KEY=N} suffix. */
  private static Map<String, Long> fields(String path, String content) {
    List<String> words = Words.split(content.strip());
    Map<String, Long> out = new HashMap<>();
    if (words.isEmpty()) {
      throw new CommandException("expect " + path + ": the file is empty, not a count line");
    }
    out.put("total", number(path, words.get(0)));
    for (String w : words.subList(1, words.size())) {
      int eq = w.indexOf('=');
      if (eq <= 0) {
        throw new CommandException("expect " + path + ": '" + w + "' is not a KEY=N field");
      }
      out.put(w.substring(0, eq), number(path, w.substring(eq + 1)));
    }
    return out;
  }

  private static long number(String path, String token) {
    try {
      return Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw new CommandException("expect " + path + ": '" + token + "' is not a count");
    }
  }

  private record Term(String key, String op, long value) {
    static Term parse(String term) {
      for (String op : new String[] {"==", "<=", ">="}) {
        int at = term.indexOf(op);
        if (at > 0) {
          return new Term(
              term.substring(0, at),
              op,
              Words.longValue("expect " + term, term.substring(at + op.length())));
        }
      }
      throw new CommandException(
          "expect: term '" + term + "' is not KEY==N, KEY<=N or KEY>=N (KEY: total, N0, C1, ...)");
    }

    boolean holds(long got) {
      return switch (op) {
        case "==" -> got == value;
        case "<=" -> got <= value;
        default -> got >= value;
      };
    }
  }
}
