package dev.slubsmo.testmodule.lang;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.testmodule.module.SmoTestModule;

/** The test modules loaded on a machine ({@code insmod}/{@code rmmod}) and their debugfs files. */
public final class Modules {
  public static final String SLUB_DEFRAG = "slub_defrag";
  public static final String SMO_CALLFN = "/sys/kernel/debug/smo/callfn";

  /** The model's read-only list of the module's ids (strict mode); not in the kernel module. */
  public static final String SMO_IDS = "/sys/kernel/debug/smo/ids";

  private final Machine machine;
  private SmoTestModule smo;

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
    throw new CommandException(
        "insmod: unknown module '" + name + "' (expected " + SLUB_DEFRAG + ")");
  }

  void rmmod(String name, Cpu cpu) {
    if (!name.equals(SLUB_DEFRAG)) {
      throw new CommandException(
          "rmmod: unknown module '" + name + "' (expected " + SLUB_DEFRAG + ")");
    }
    if (smo == null) {
      throw new CommandException("rmmod: " + name + " is not loaded (ENOENT)");
    }
    smo.unload(cpu);
    smo = null;
  }

  boolean ownsPath(String path) {
    return false;
  }

  void write(String path, String data, Cpu cpu) {
    throw new CommandException(path + ": no such file (ENOENT)");
  }

  /** The loaded modules' own consistency checks; null when all hold. */
  String check() {
    return null;
  }
}
