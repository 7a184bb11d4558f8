package dev.slubsmo.testmodule.replay;

import dev.slubsmo.testmodule.trace.SysfsSnapshot;
import java.util.List;

/**
 * How a cache starts when the replay is given a before-snapshot: {@code objects} objects in {@code
 * slabs} slabs, the first {@code full} of them full and the rest sharing what is left as evenly as
 * can be (each at least one object). From the snapshot's own slab and partial counts the layout is
 * as fragmented as the kernel's was; packed, it is the fewest slabs with at most one partial.
 *
 * @param objects objects to start with
 * @param slabs slabs to spread them over
 * @param full how many of those slabs are full
 */
public record StartLayout(long objects, long slabs, long full) {
  public static final StartLayout EMPTY = new StartLayout(0, 0, 0);

  /** Where the starting layout comes from. */
  public enum Mode {
    /** The snapshot's objects, slabs and partial slabs, as the kernel had them. */
    SNAPSHOT,
    /** The snapshot's objects in the fewest slabs. */
    PACKED
  }

  /** The layout of the snapshot rows {@code names} for a cache of {@code objsPerSlab}. */
  static StartLayout of(SysfsSnapshot before, List<String> names, int objsPerSlab, Mode mode) {
    if (before == null) {
      return EMPTY;
    }
    long objects = 0;
    long slabs = 0;
    long partial = 0;
    for (String name : names) {
      SysfsSnapshot.Row r = before.rows().get(name);
      if (r != null) {
        objects += r.objects();
        slabs += r.slabs();
        partial += r.partial();
      }
    }
    long fewest = (objects + objsPerSlab - 1) / objsPerSlab;
    if (mode == Mode.PACKED) {
      return new StartLayout(objects, fewest, objects / objsPerSlab);
    }
    long spread = Math.max(fewest, Math.min(slabs, objects));
    long wantedPartial = Math.min(partial, spread);
    long fullAtMost = objsPerSlab > 1 ? (objects - spread) / (objsPerSlab - 1) : spread;
    long full = Math.min(spread - wantedPartial, fullAtMost);
    return new StartLayout(objects, spread, full);
  }

  /** Objects slab number {@code i} (0-based, in allocation order) keeps. */
  long keep(long i, int objsPerSlab) {
    if (i < full) {
      return objsPerSlab;
    }
    long partial = slabs - full;
    long rest = objects - full * objsPerSlab;
    long k = i - full;
    return Math.min(objsPerSlab, rest / partial + (k < rest % partial ? 1 : 0));
  }
}
