package dev.slubsmo.testmodule.lang;

import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.SlabFlags;
import dev.slubsmo.testmodule.module.SmoTestModule;
import java.util.List;

/**
 * {@code inject redzone}: test-only fault injection that no kernel interface offers. The oldest
 * object on smo_test's list writes the byte 0x12 just past its end, into its right red zone, as
 * slub_kunit's {@code test_clobber_zone} does with {@code p[64] = 0x12}. Nothing reports it yet;
 * the next check of that object (its free, or {@code validate}) reports {@code BUG smo_test:
 * Redzone overwritten} and restores the byte. It exists so that crash-isolation tests can plant a
 * real BUG with commands alone; a machine without slub_debug red zones refuses it.
 */
final class FaultInjection {
  static final byte CLOBBER = 0x12;

  private FaultInjection() {}

  /** Runs {@code inject ARGS}; returns the address written, as a line. */
  static String inject(List<String> args, SmoTestModule smo) {
    if (args.size() != 1 || !args.get(0).equals("redzone")) {
      throw new CommandException(
          "inject: expected inject redzone, got '" + String.join(" ", args) + "'");
    }
    if (smo == null) {
      throw new CommandException("inject redzone: slub_defrag is not loaded");
    }
    KmemCache s = smo.cache();
    if ((s.flags() & SlabFlags.RED_ZONE) == 0) {
      throw new CommandException(
          "inject redzone: "
              + s.name()
              + " has no red zone (boot with slub_debug or slub_debug=Z)");
    }
    List<Long> objects = smo.objects();
    if (objects.isEmpty()) {
      throw new CommandException("inject redzone: " + s.name() + " lists no object");
    }
    long addr = objects.get(0) + s.objectSize();
    s.memory().writeByte(addr, CLOBBER);
    return String.format("0x%016x%n", addr);
  }
}
