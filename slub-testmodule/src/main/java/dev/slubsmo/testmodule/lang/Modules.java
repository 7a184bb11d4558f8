package dev.slubsmo.testmodule.lang;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.testmodule.module.SmoTestModule;
import dev.slubsmo.xarray.SmoxTestModule;

/** The test modules loaded on a machine ({@code insmod}/{@code rmmod}) and their debugfs files. */
public final class Modules {
  public static final String SLUB_DEFRAG = "slub_defrag";
  public static final String SLUB_DEFRAG_XARRAY = "slub_defrag_xarray";
  public static final String SMO_CALLFN = "/sys/kernel/debug/smo/callfn";
  public static final String SMOX_CALLFN = "/sys/kernel/debug/smox/callfn";

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

  /** The loaded modules' own consistency checks; null when all hold. */
  String check() {
    if (smox != null && smox.check() != 0) {
      return SLUB_DEFRAG_XARRAY + ": check failed (see dmesg)";
    }
    return null;
  }
}
