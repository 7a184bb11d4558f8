package dev.slubsmo.testmodule.lang;

import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.GeometryProfile;
import dev.slubsmo.slab.ShrinkMode;
import dev.slubsmo.smo.Placement;
import java.util.List;
import java.util.Locale;

/**
 * {@code machine [nodes=N] [cpus=N] [mem=SIZE] [slub_debug[=FLAGS]] [nomerge] [profile=v5.0|v6]
 * [seed=N] [shrink=smo|mainline] [placement=kernel|minimal-move] [fidelity=strict|kernel]}: the
 * shape and boot options of a fresh machine. {@code mem} is per node; CPUs default to two per node.
 */
record MachineSpec(MachineConfig config, MachineOptions options) {
  static MachineSpec parse(List<String> args) {
    int nodes = 1;
    Integer cpus = null;
    long mem = 1L << 30;
    MachineOptions o = MachineOptions.defaults();
    for (String w : args) {
      String v;
      if ((v = Words.value(w, "nodes")) != null) {
        nodes = Words.integer("machine nodes", v);
      } else if ((v = Words.value(w, "cpus")) != null) {
        cpus = Words.integer("machine cpus", v);
      } else if ((v = Words.value(w, "mem")) != null) {
        mem = Words.size("machine mem", v);
      } else if (w.equals("slub_debug")) {
        o = o.withSlubDebug(SlubDebugOption.parse(null));
      } else if ((v = Words.value(w, "slub_debug")) != null) {
        o = o.withSlubDebug(slubDebug(v));
      } else if (w.equals("nomerge")) {
        o = o.withNomerge(true);
      } else if ((v = Words.value(w, "profile")) != null) {
        o = o.withProfile(profile(v));
      } else if ((v = Words.value(w, "seed")) != null) {
        o = o.withSeed(Words.longValue("machine seed", v));
      } else if ((v = Words.value(w, "shrink")) != null) {
        o = o.withShrinkMode(choice("machine shrink", v, ShrinkMode.class));
      } else if ((v = Words.value(w, "placement")) != null) {
        o = o.withPlacement(choice("machine placement", v, Placement.class));
      } else if ((v = Words.value(w, "fidelity")) != null) {
        o = o.withKernelFidelity(fidelity(v));
      } else {
        throw new CommandException(
            "machine: unknown word '"
                + w
                + "' (expected nodes=N, cpus=N, mem=SIZE, slub_debug[=FLAGS], nomerge, profile=,"
                + " seed=, shrink=, placement=, fidelity=)");
      }
    }
    try {
      MachineConfig c = new MachineConfig(nodes, cpus == null ? 2 * nodes : cpus, mem);
      return new MachineSpec(c, o);
    } catch (IllegalArgumentException e) {
      throw new CommandException("machine: " + e.getMessage());
    }
  }

  private static SlubDebugOption slubDebug(String v) {
    try {
      return SlubDebugOption.parse(v);
    } catch (IllegalArgumentException e) {
      throw new CommandException("machine " + e.getMessage());
    }
  }

  private static GeometryProfile profile(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "v5.0", "v5_0" -> GeometryProfile.V5_0;
      case "v6", "v6.18" -> GeometryProfile.V6;
      default -> throw new CommandException("machine profile: '" + v + "' (expected v5.0 or v6)");
    };
  }

  private static boolean fidelity(String v) {
    return switch (v) {
      case "strict" -> false;
      case "kernel" -> true;
      default ->
          throw new CommandException("machine fidelity: '" + v + "' (expected strict or kernel)");
    };
  }

  static <E extends Enum<E>> E choice(String what, String v, Class<E> type) {
    String norm = v.toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(norm)) {
        return e;
      }
    }
    StringBuilder names = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      names
          .append(names.length() == 0 ? "" : " or ")
          .append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    throw new CommandException(what + ": '" + v + "' (expected " + names + ")");
  }
}
