package dev.slubsmo.testmodule.lang;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.testmodule.module.SmoTestModule;
import dev.slubsmo.xarray.IndexedEntry;
import dev.slubsmo.xarray.SmoxTestModule;
import dev.slubsmo.xarray.XArray;
import dev.slubsmo.xarray.XaMark;
import java.util.ArrayList;
import java.util.List;

/** The test modules loaded on a machine ({@code insmod}/{@code rmmod}) and their debugfs files. */
public final class Modules {
  public static final String SLUB_DEFRAG = "slub_defrag";
  public static final String SLUB_DEFRAG_XARRAY = "slub_defrag_xarray";
  public static final String SMO_CALLFN = "/sys/kernel/debug/smo/callfn";
  public static final String SMOX_CALLFN = "/sys/kernel/debug/smox/callfn";
  public static final String SMOX_THINGS = "/sys/kernel/debug/smox/things";

  /** The model's read-only list of the module's ids (strict mode); not in the kernel module. */
  public static final String SMO_IDS = "/sys/kernel/debug/smo/ids";

  private final Machine machine;
  private SmoTestModule smo;
  private SmoxTestModule smox;

  Modules(Machine machine) {
    this.machine = machine;
  }

  SmoTestModule insmodSmo(Cpu cpu) {
    if (smo != null) {
      throw new CommandException("insmod: " + SLUB_DEFRAG + " is already loaded (EEXIST)");
    }
    smo = SmoTestModule.load(machine, machine.slub().kernelFidelity(), cpu);
    return smo;
  }

  void insmod(String name, Cpu cpu) {
    if (!name.equals(SLUB_DEFRAG_XARRAY)) {
      throw unknown("insmod", name);
    }
    if (smox != null) {
      throw new CommandException("insmod: " + name + " is already loaded (EEXIST)");
    }
    smox = SmoxTestModule.load(machine, cpu);
  }

  void rmmod(String name, Cpu cpu) {
    if (name.equals(SLUB_DEFRAG)) {
      if (smo == null) {
        throw new CommandException("rmmod: " + name + " is not loaded (ENOENT)");
      }
      smo.unload(cpu);
      smo = null;
    } else if (name.equals(SLUB_DEFRAG_XARRAY)) {
      if (smox == null) {
        throw new CommandException("rmmod: " + name + " is not loaded (ENOENT)");
      }
      smox.unload(cpu);
      smox = null;
    } else {
      throw unknown("rmmod", name);
    }
  }

  private static CommandException unknown(String cmd, String name) {
    return new CommandException(
        cmd
            + ": unknown module '"
            + name
            + "' (expected "
            + SLUB_DEFRAG
            + " or "
            + SLUB_DEFRAG_XARRAY
            + ")");
  }

  /** The XArray module, or null when not loaded. */
  public SmoxTestModule smox() {
    return smox;
  }

  boolean ownsPath(String path) {
    return path.equals(SMOX_CALLFN);
  }

  void write(String path, String data, Cpu cpu) {
    if (smox == null) {
      throw new CommandException(
          path + ": no such file (" + SLUB_DEFRAG_XARRAY + " is not loaded)");
    }
    SmoxCallfn.write(smox, cpu, data);
  }

  /** {@code /sys/kernel/debug/smox/things}: present indices as ranges, then marks per mark. */
  String things(String path) {
    if (smox == null) {
      throw new CommandException(
          path + ": no such file (" + SLUB_DEFRAG_XARRAY + " is not loaded)");
    }
    XArray xa = smox.things();
    List<Long> present = new ArrayList<>();
    List<List<Long>> marked = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (IndexedEntry e = xa.find(0, -1); e != null; e = xa.findAfter(e.index(), -1)) {
      present.add(e.index());
      for (int m = 0; m < marked.size(); m++) {
        if (xa.getMark(e.index(), XaMark.of(m))) {
          marked.get(m).add(e.index());
        }
      }
    }
    StringBuilder sb = new StringBuilder(IdRanges.format(present));
    for (int m = 0; m < marked.size(); m++) {
      if (!marked.get(m).isEmpty()) {
        sb.append(sb.length() == 0 ? "" : " ").append("mark").append(m).append('=');
        sb.append(IdRanges.format(marked.get(m)));
      }
    }
    return sb.append('\n').toString();
  }

  /** The loaded modules' own consistency checks; null when all hold. */
  String check() {
    if (smox != null && smox.check() != 0) {
      return SLUB_DEFRAG_XARRAY + ": check failed (see dmesg)";
    }
    return null;
  }
}
