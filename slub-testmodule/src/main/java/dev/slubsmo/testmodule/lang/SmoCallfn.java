package dev.slubsmo.testmodule.lang;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.KernelLog;
import dev.slubsmo.testmodule.module.CallfnResult;
import dev.slubsmo.testmodule.module.SmoTestModule;
import java.util.List;

/**
 * {@code /sys/kernel/debug/smo/callfn}: parses a write and runs it on the module.
 *
 * <p>Kernel-faithful parsing (spec testmodule-and-suite.md 1.3): the first space-separated token is
 * the command, up to two more are converted as signed decimals into {@code arg0}/{@code arg1} (-1
 * when missing); a token that does not convert is logged and ends parsing; an unknown command is
 * only logged; the write always succeeds. Strict parsing (the default) rejects all of that with one
 * error, checks nodes and ranges, and fails when the command fails.
 */
final class SmoCallfn {
  static final int DEFAULT_ARG = -1;

  private SmoCallfn() {}

  /** Runs a write of {@code data} (trailing newline included, as {@code echo} sends it). */
  static void write(
      SmoTestModule mod, Cpu cpu, int nodes, KernelLog log, String data, boolean kernel) {
    if (data.isEmpty()) {
      throw new CommandException("callfn: empty write (EINVAL)");
    }
    String cmd = data.endsWith("\n") ? data.substring(0, data.length() - 1) : data;
    if (kernel) {
      runKernel(mod, cpu, log, cmd);
    } else {
      runStrict(mod, cpu, nodes, cmd);
    }
  }

  private static void runKernel(SmoTestModule mod, Cpu cpu, KernelLog log, String cmd) {
    String[] tok = cmd.split(" ", -1);
    int[] arg = {DEFAULT_ARG, DEFAULT_ARG};
    for (int i = 0; i < 2 && i + 1 < tok.length; i++) {
      try {
        arg[i] = Integer.parseInt(tok[i + 1]);
      } catch (NumberFormatException e) {
        log.printk("failed to convert arg, defaulting to -1. (" + tok[i + 1] + ")");
        break;
      }
    }
    switch (tok[0]) {
      case "enable" -> mod.enable();
      case "alloc" -> mod.alloc(cpu, def(arg[0], 1), arg[1]);
      case "free" -> mod.free(cpu, def(arg[0], 1), def(arg[1], 0));
      case "test" -> mod.test(cpu, def(arg[0], 1000), def(arg[1], 10));
      default -> log.printk("failed to call function for cmd: " + tok[0]);
    }
  }

  private static int def(int v, int dflt) {
    return v == DEFAULT_ARG ? dflt : v;
  }

  private static void runStrict(SmoTestModule mod, Cpu cpu, int nodes, String cmd) {
    List<String> tok = Words.split(cmd);
    if (tok.isEmpty()) {
      throw new CommandException("callfn: no command (expected enable, alloc, free or test)");
    }
    String name = tok.get(0);
    List<String> args = tok.subList(1, tok.size());
    CallfnResult r;
    switch (name) {
      case "enable" -> {
        arity(name, args, 0, "enable");
        r = mod.enable();
      }
      case "alloc" -> {
        arity(name, args, 2, "alloc [N [NODE]]");
        int n = def(arg(name, "N", args, 0, 0), 1);
        int node = arg(name, "NODE", args, 1, DEFAULT_ARG);
        if (node != DEFAULT_ARG && node >= nodes) {
          throw new CommandException(
              "callfn alloc: NODE " + node + " does not exist (machine has " + nodes + ")");
        }
        r = mod.alloc(cpu, n, node);
        if (r.value() < n) {
          throw new CommandException(
              "callfn alloc: allocated " + r.value() + " of " + n + " objects (ENOMEM)");
        }
      }
      case "free" -> {
        arity(name, args, 2, "free [N [POS]]");
        int n = def(arg(name, "N", args, 0, 0), 1);
        int pos = def(arg(name, "POS", args, 1, 0), 0);
        r = mod.free(cpu, n, pos);
      }
      case "test" -> {
        arity(name, args, 2, "test [NR [KEEP]]");
        int nr = def(arg(name, "NR", args, 0, 1), 1000);
        int keep = def(arg(name, "KEEP", args, 1, 1), 10);
        r = mod.test(cpu, nr, keep);
      }
      default ->
          throw new CommandException(
              "callfn: unknown command '" + name + "' (expected enable, alloc, free or test)");
    }
    if (r.failed()) {
      throw new CommandException("callfn " + name + ": failed with " + r.value() + " (see dmesg)");
    }
  }

  private static void arity(String name, List<String> args, int max, String usage) {
    if (args.size() > max) {
      throw new CommandException(
          "callfn "
              + name
              + ": unexpected argument '"
              + args.get(max)
              + "' (usage: "
              + usage
              + ")");
    }
  }

  /** Argument {@code i}, or -1 when absent; -1 itself selects the default, as in the kernel. */
  private static int arg(String cmd, String what, List<String> args, int i, int min) {
    if (i >= args.size()) {
      return DEFAULT_ARG;
    }
    int v = Words.integer("callfn " + cmd + " " + what, args.get(i));
    if (v != DEFAULT_ARG && v < min) {
      throw new CommandException(
          "callfn " + cmd + ": " + what + " must be at least " + min + " or -1, got " + v);
    }
    return v;
  }
}
