package dev.slubsmo.suite.fuzz;

import dev.slubsmo.testmodule.lang.ScriptRunner;
import dev.slubsmo.testmodule.lang.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimized failure as a {@code .smo} script: a header of comments (seed, property, violation,
 * original and minimized length, and what a replay prints on its error stream), then the minimized
 * lines, the last of which fails for the property's reason ({@code check}, an {@code expect}, or
 * the failing line itself). {@code smo run --keep-going FILE}, i.e. {@link ScriptRunner} on a fresh
 * session, prints exactly the header's refusals: {@code # refused LINE: message}, a multi-line
 * message going on in {@code # } lines. A line that throws instead of being refused (only ever the
 * last) is recorded as {@code # crash LINE: class: message}.
 */
final class FailureScript {
  static final String REFUSED = "# refused ";
  static final String CRASH = "# crash ";
  static final String MORE = "#   ";

  private FailureScript() {}

  /** Where a failure came from. */
  record Origin(long campaignSeed, long run, long runSeed, int originalLength) {}

  /**
   * What a replay printed for one line: its 1-based line number, the message, and whether it threw.
   */
  record Outcome(int line, String message, boolean crash) {
    Outcome shifted(int by) {
      return new Outcome(line + by, message, crash);
    }
  }

  /** The script text for {@code body}, which ends with the repro line. */
  static String render(Origin o, Violation v, List<String> body, Plant plant) {
    List<String> header = new ArrayList<>();
    header.add("# smo fuzz failure; replay: smo run --keep-going FILE");
    header.add(
        "# seed: "
            + o.runSeed()
            + " (campaign seed "
            + o.campaignSeed()
            + ", run "
            + o.run()
            + ")");
    header.add("# property: " + v.property() + ": " + v.property().text());
    header.add("# violation: " + v.message().replace('\n', ' '));
    header.add(
        "# length: "
            + o.originalLength()
            + " commands as found, "
            + body.size()
            + " minimized (the last line states the property)");
    List<Outcome> outcomes = replay(body, plant);
    int offset = header.size() + comments(outcomes).size();
    List<Outcome> shifted = new ArrayList<>();
    outcomes.forEach(x -> shifted.add(x.shifted(offset)));
    header.addAll(comments(shifted));
    StringBuilder sb = new StringBuilder();
    header.forEach(l -> sb.append(l).append('\n'));
    body.forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  /** The header comments recording {@code outcomes}. */
  static List<String> comments(List<Outcome> outcomes) {
    List<String> out = new ArrayList<>();
    for (Outcome x : outcomes) {
      String[] parts = x.message().split("\n", -1);
      out.add((x.crash() ? CRASH : REFUSED) + x.line() + ": " + parts[0]);
      for (int i = 1; i < parts.length; i++) {
        out.add(MORE + parts[i]);
      }
    }
    return out;
  }

  /** The outcomes a script's header records, with file line numbers. */
  static List<Outcome> recorded(List<String> fileLines) {
    List<Outcome> out = new ArrayList<>();
    Pattern head = Pattern.compile("^# (refused|crash) (\\d+): (.*)$");
    for (String l : fileLines) {
      Matcher m = head.matcher(l);
      if (m.matches()) {
        out.add(new Outcome(Integer.parseInt(m.group(2)), m.group(3), m.group(1).equals("crash")));
      } else if (l.startsWith(MORE) && !out.isEmpty()) {
        Outcome last = out.remove(out.size() - 1);
        out.add(
            new Outcome(
                last.line(), last.message() + "\n" + l.substring(MORE.length()), last.crash()));
      }
    }
    return out;
  }

  /**
   * What {@link ScriptRunner} (keep going) printed on its error stream for a run of the lines named
   * {@code source}: one outcome per {@code source:LINE: message}, continuation lines joined.
   */
  static List<Outcome> parse(String err, String source) {
    List<Outcome> out = new ArrayList<>();
    Pattern head = Pattern.compile("^" + Pattern.quote(source) + ":(\\d+): (.*)$");
    for (String l : err.split("\n", -1)) {
      Matcher m = head.matcher(l);
      if (m.matches()) {
        out.add(new Outcome(Integer.parseInt(m.group(1)), m.group(2), false));
      } else if (!out.isEmpty() && !l.isEmpty()) {
        Outcome last = out.remove(out.size() - 1);
        out.add(new Outcome(last.line(), last.message() + "\n" + l, false));
      }
    }
    return out;
  }

  /** The outcomes of {@code body} run through {@link ScriptRunner} on a fresh planted session. */
  static List<Outcome> replay(List<String> body, Plant plant) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream sink =
        new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    Session s = plant.session();
    RuntimeException crash = null;
    try {
      new ScriptRunner(s, sink, errStream, true).runLines("script", body);
    } catch (RuntimeException e) {
      crash = e;
    } finally {
      s.machine().releaseCpus();
    }
    List<Outcome> out = parse(err.toString(StandardCharsets.UTF_8), "script");
    if (crash != null) {
      out.add(
          new Outcome(body.size(), crash.getClass().getName() + ": " + crash.getMessage(), true));
    }
    return out;
  }
}
