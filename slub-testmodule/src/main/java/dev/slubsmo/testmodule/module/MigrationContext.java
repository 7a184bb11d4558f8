package dev.slubsmo.testmodule.module;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;

/**
 * The CPU a migrate callback runs on: the kernel runs it in the context of whoever called shrink,
 * defrag or move ({@link Cpu#current()}); outside SMO, the first CPU the thread holds.
 */
final class MigrationContext {
  private MigrationContext() {}

  static Cpu cpu(Machine m) {
    if (Cpu.current() != null) {
      return Cpu.current();
    }
    for (Cpu c : m.cpus()) {
      if (c.heldByCurrentThread()) {
        return c;
      }
    }
    Cpu c = m.cpu(0);
    c.enter();
    return c;
  }
}
