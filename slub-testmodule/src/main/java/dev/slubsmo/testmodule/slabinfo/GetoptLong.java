package dev.slubsmo.testmodule.slabinfo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mirrors glibc {@code getopt_long()} in its default (permuting) mode, including its messages on
 * stderr. Short options may be combined ({@code -aB}); a required argument is the rest of the
 * element or the next element ({@code -N5}, {@code -N 5}); an optional one only the rest ({@code
 * -da}). Long options take {@code --name=value}, or the next element when the argument is required,
 * and may be abbreviated to any unambiguous prefix. Elements that are not options are collected as
 * operands in their order, as permutation would leave them; everything after {@code --} is an
 * operand. Like glibc, {@link #optopt()} keeps its value across successful calls.
 */
final class GetoptLong {
  /** Whether a long option takes an argument ({@code has_arg}). */
  enum HasArg {
    NONE,
    REQUIRED,
    OPTIONAL
  }

  /** One entry of the {@code struct option} table. */
  record LongOption(String name, HasArg hasArg, char val) {}

  static final int END = -1;

  private final String argv0;
  private final String[] args;
  private final String optstring;
  private final List<LongOption> longOptions;
  private final PrintStream err;
  private final List<String> operands = new ArrayList<>();
  private int optind;
  private int nextchar = -1;
  private String optarg;
  private int optopt;
  private String element = "";

  GetoptLong(
      String argv0,
      String[] args,
      String optstring,
      List<LongOption> longOptions,
      PrintStream err) {
    this.argv0 = argv0;
    this.args = args.clone();
    this.optstring = optstring;
    this.longOptions = List.copyOf(longOptions);
    this.err = err;
  }

  /** The argument of the option last returned, or null. */
  String optarg() {
    return optarg;
  }

  /** The option character of the last error, or 0 after an unknown long option. */
  int optopt() {
    return optopt;
  }

  /** The command-line element the last option came from. */
  String element() {
    return element;
  }

  /** The operands, in order; complete once {@link #next()} has returned {@link #END}. */
  List<String> operands() {
    return List.copyOf(operands);
  }

  /** Returns the next option character, {@code '?'} after an error, or {@link #END}. */
  int next() {
    optarg = null;
    if (nextchar < 0) {
      while (optind < args.length) {
        String arg = args[optind];
        if (arg.equals("--")) {
          operands.addAll(Arrays.asList(args).subList(optind + 1, args.length));
          optind = args.length;
          return END;
        }
        element = arg;
        if (arg.startsWith("--")) {
          optind++;
          return longOption(arg.substring(2));
        }
        if (arg.length() > 1 && arg.charAt(0) == '-') {
          nextchar = 1;
          return shortOption();
        }
        operands.add(arg);
        optind++;
      }
      return END;
    }
    return shortOption();
  }

  private int shortOption() {
    String arg = args[optind];
    char c = arg.charAt(nextchar++);
    String rest = arg.substring(nextchar);
    if (rest.isEmpty()) {
      optind++;
      nextchar = -1;
    }
    int at = optstring.indexOf(c);
    if (at < 0 || c == ':' || c == ';') {
      err.print(String.format("%s: invalid option -- '%c'\n", argv0, c));
      optopt = c;
      return '?';
    }
    boolean takesArgument = at + 1 < optstring.length() && optstring.charAt(at + 1) == ':';
    boolean optional =
        takesArgument && at + 2 < optstring.length() && optstring.charAt(at + 2) == ':';
    if (!takesArgument) {
      return c;
    }
    if (!rest.isEmpty()) {
      optarg = rest;
      optind++;
      nextchar = -1;
    } else if (!optional) {
      if (optind >= args.length) {
        err.print(String.format("%s: option requires an argument -- '%c'\n", argv0, c));
        optopt = c;
        return '?';
      }
      optarg = args[optind++];
    }
    return c;
  }

  private int longOption(String body) {
    int eq = body.indexOf('=');
    String name = eq < 0 ? body : body.substring(0, eq);
    LongOption found = exactMatch(name);
    if (found == null) {
      List<LongOption> matches = new ArrayList<>();
      for (LongOption o : longOptions) {
        if (o.name().startsWith(name)) {
          matches.add(o);
        }
      }
      if (isAmbiguous(matches)) {
        StringBuilder message = new StringBuilder();
        message.append(
            String.format("%s: option '--%s' is ambiguous; possibilities:", argv0, body));
        matches.forEach(o -> message.append(" '--").append(o.name()).append('\''));
        err.print(message.append('\n'));
        optopt = 0;
        return '?';
      }
      found = matches.isEmpty() ? null : matches.get(0);
    }
    if (found == null) {
      err.print(String.format("%s: unrecognized option '--%s'\n", argv0, body));
      optopt = 0;
      return '?';
    }
    if (eq >= 0) {
      if (found.hasArg() == HasArg.NONE) {
        err.print(
            String.format("%s: option '--%s' doesn't allow an argument\n", argv0, found.name()));
        optopt = found.val();
        return '?';
      }
      optarg = body.substring(eq + 1);
    } else if (found.hasArg() == HasArg.REQUIRED) {
      if (optind >= args.length) {
        err.print(String.format("%s: option '--%s' requires an argument\n", argv0, found.name()));
        optopt = found.val();
        return '?';
      }
      optarg = args[optind++];
    }
    return found.val();
  }

  private LongOption exactMatch(String name) {
    for (LongOption o : longOptions) {
      if (o.name().equals(name)) {
        return o;
      }
    }
    return null;
  }

  /** glibc lists as possibilities the first prefix match and every one that differs from it. */
  private static boolean isAmbiguous(List<LongOption> matches) {
    if (matches.isEmpty()) {
      return false;
    }
    LongOption first = matches.get(0);
    matches.removeIf(o -> o != first && o.hasArg() == first.hasArg() && o.val() == first.val());
    return matches.size() > 1;
  }
}
