package dev.slubsmo.testmodule.lang;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.xarray.SmoxTestModule;
import java.util.List;

/**
 * {@code /sys/kernel/debug/smox/callfn}: the port's command file for the XArray test module (the
 * original module only ran its test at load): {@code store INDEX [COUNT]}, {@code erase INDEX
 * [COUNT]}, {@code mark INDEX MARK}, {@code clear INDEX MARK}, {@code check}, {@code test [NR
 * [KEEP]]}. Strict: every argument is checked before anything runs, and a negative result is an
 * error.
 */
final class SmoxCallfn {
  private SmoxCallfn() {}

  static void write(SmoxTestModule mod, Cpu cpu, String data) {
    String cmd = data.endsWith("\n") ? data.substring(0, data.length() - 1) : data;
    List<String> tok = Words.split(cmd);
    if (tok.isEmpty()) {
      throw new CommandException("smox callfn: no command (expected " + USAGE + ")");
    }
    String name = tok.get(0);
    List<String> a = tok.subList(1, tok.size());
    int r;
    try {
      r =
          switch (name) {
            case "store" -> {
              arity(name, a, 1, 2, "store INDEX [COUNT]");
              yield mod.store(cpu, index(name, a.get(0)), count(name, a, 1));
            }
            case "erase" -> {
              arity(name, a, 1, 2, "erase INDEX [COUNT]");
              yield mod.erase(cpu, index(name, a.get(0)), count(name, a, 1));
            }
            case "mark" -> {
              arity(name, a, 2, 2, "mark INDEX MARK");
              yield mod.mark(index(name, a.get(0)), 1, mark(name, a.get(1)));
            }
            case "clear" -> {
              arity(name, a, 2, 2, "clear INDEX MARK");
              yield mod.clear(index(name, a.get(0)), 1, mark(name, a.get(1)));
            }
            case "check" -> {
              arity(name, a, 0, 0, "check");
              yield mod.check();
            }
            case "test" -> {
              arity(name, a, 0, 2, "test [NR [KEEP]]");
              long nr = a.isEmpty() ? SmoxTestModule.NR_ITEMS : positive(name, "NR", a.get(0));
              long keep = a.size() < 2 ? SmoxTestModule.KEEP : positive(name, "KEEP", a.get(1));
              yield mod.test(cpu, nr, keep);
            }
            default ->
                throw new CommandException(
                    "smox callfn: unknown command '" + name + "' (expected " + USAGE + ")");
          };
    } catch (IllegalArgumentException e) {
      throw new CommandException("smox callfn " + name + ": " + e.getMessage());
    }
    if (r < 0) {
      throw new CommandException("smox callfn " + name + ": failed with " + r + " (see dmesg)");
    }
  }

  private static final String USAGE = "store, erase, mark, clear, check or test";

  private static void arity(String name, List<String> a, int min, int max, String usage) {
    if (a.size() < min || a.size() > max) {
      throw new CommandException("smox callfn " + name + ": expected " + usage);
    }
  }

  private static long index(String name, String token) {
    long v = Words.longValue("smox callfn " + name + " INDEX", token);
    if (v < 0) {
      throw new CommandException("smox callfn " + name + ": INDEX must be >= 0, got " + v);
    }
    return v;
  }

  private static long count(String name, List<String> a, int i) {
    return i < a.size() ? positive(name, "COUNT", a.get(i)) : 1;
  }

  private static long positive(String name, String what, String token) {
    long v = Words.longValue("smox callfn " + name + " " + what, token);
    if (v < 1) {
      throw new CommandException("smox callfn " + name + ": " + what + " must be >= 1, got " + v);
    }
    return v;
  }

  private static int mark(String name, String token) {
    int v = Words.integer("smox callfn " + name + " MARK", token);
    if (v < 0 || v > 2) {
      throw new CommandException("smox callfn " + name + ": MARK must be 0, 1 or 2, got " + v);
    }
    return v;
  }
}
