package dev.slubsmo.debug;

import dev.slubsmo.slab.GeometryProfile;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Oo;
import dev.slubsmo.slab.Sizing;
import dev.slubsmo.slab.SlabFlags;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-cache invariants 1-4: slot layout, free-pointer offset, order words and tunables.
 *
 * <p>Parts that a sysfs store may legitimately break (spec section 7) are checked only when the
 * caller vouches that no store happened: a stale non-zero {@code offset} after {@code poison} is
 * turned off, 0 objects per slab after a bad {@code order}, and {@code cpu_partial} outside its
 * creation set or non-zero in a cache that became a debug cache later.
 */
final class GeometryChecks {
  private static final Map<GeometryProfile, Set<Integer>> CPU_PARTIALS =
      new EnumMap<>(GeometryProfile.class);

  static {
    for (GeometryProfile p : GeometryProfile.values()) {
      CPU_PARTIALS.put(p, creationCpuPartials(p));
    }
  }

  private GeometryChecks() {}

  static void check(KmemCache s, boolean asCreated, Findings f) {
    slotLayout(s, f);
    offset(s, asCreated, f);
    if (s.size() > 0) {
      orderWords(s, asCreated, f);
    }
    tunables(s, asCreated, f);
  }

  private static void slotLayout(KmemCache s, Findings f) {
    if (s.objectSize() > s.inuse() || s.inuse() > s.size()) {
      f.cache(
          Invariant.SLOT_LAYOUT,
          "object_size = " + s.objectSize() + ", inuse = " + s.inuse() + ", size = " + s.size());
    }
    if (s.align() <= 0 || s.align() % 8 != 0) {
      f.cache(Invariant.SLOT_LAYOUT, "align = " + s.align() + " is not a positive multiple of 8");
    } else if (s.size() % s.align() != 0) {
      f.cache(
          Invariant.SLOT_LAYOUT,
          "size = " + s.size() + " is not a multiple of align = " + s.align());
    }
  }

  /**
   * Invariant 2. With the 6.x profile an RCU cache may keep a declared free-pointer offset inside
   * the object (spec 2.7).
   */
  private static void offset(KmemCache s, boolean asCreated, Findings f) {
    int flags = s.flags();
    boolean rcu = SlabFlags.has(flags, SlabFlags.TYPESAFE_BY_RCU);
    boolean v6 = s.slub().params().profile() == GeometryProfile.V6;
    if (s.ctor() != null || SlabFlags.has(flags, SlabFlags.POISON) || rcu && !v6) {
      if (s.offset() != s.inuse()) {
        f.cache(
            Invariant.FREE_POINTER_OFFSET, offsetState(s) + " in a cache with RCU, POISON or ctor");
      }
    } else if (rcu) {
      boolean inside = s.offset() % 8 == 0 && s.offset() + 8 <= s.objectSize();
      if (s.offset() != s.inuse() && !inside) {
        f.cache(
            Invariant.FREE_POINTER_OFFSET,
            offsetState(s) + ": neither after the object nor a word inside it");
      }
    } else if (asCreated && s.offset() != 0) {
      f.cache(
          Invariant.FREE_POINTER_OFFSET,
          offsetState(s) + " in a cache without RCU, POISON or ctor");
    }
  }

  /** The offset and inuse words, for messages: built only when one is reported. */
  private static String offsetState(KmemCache s) {
    return "offset = " + s.offset() + ", inuse = " + s.inuse();
  }

  /** Invariant 3. */
  private static void orderWords(KmemCache s, boolean asCreated, Findings f) {
    int order = Oo.order(s.oo());
    int objects = Oo.objects(s.oo());
    if (order >= Oo.MAX_ORDER) {
      f.cache(Invariant.ORDER_OBJECTS, "order(oo) = " + order + " >= MAX_ORDER");
    } else if (objects != Oo.orderObjects(order, s.size())) {
      f.cache(
          Invariant.ORDER_OBJECTS,
          "objects(oo) = "
              + objects
              + ", (PAGE_SIZE << "
              + order
              + ") / "
              + s.size()
              + " = "
              + Oo.orderObjects(order, s.size()));
    }
    int lowest = asCreated ? 1 : 0;
    if (objects < lowest || objects > Oo.MAX_OBJS_PER_PAGE) {
      f.cache(
          Invariant.ORDER_OBJECTS,
          "objects(oo) = " + objects + " outside " + lowest + ".." + Oo.MAX_OBJS_PER_PAGE);
    }
    int minOrder = Oo.getOrder(s.size());
    if (minOrder < Oo.MAX_ORDER) {
      int min = Oo.make(minOrder, Oo.orderObjects(minOrder, s.size()));
      if (s.min() != min) {
        f.cache(Invariant.ORDER_OBJECTS, "min = " + words(s.min()) + ", expected " + words(min));
      }
    }
    if (Oo.objects(s.max()) < objects) {
      f.cache(
          Invariant.ORDER_OBJECTS,
          "objects(max) = " + Oo.objects(s.max()) + " < objects(oo) = " + objects);
    }
  }

  /** Invariant 4. */
  private static void tunables(KmemCache s, boolean asCreated, Findings f) {
    if (s.minPartial() < Sizing.MIN_PARTIAL || s.minPartial() > Sizing.MAX_PARTIAL) {
      f.cache(
          Invariant.TUNABLES,
          "min_partial = "
              + s.minPartial()
              + " outside "
              + Sizing.MIN_PARTIAL
              + ".."
              + Sizing.MAX_PARTIAL);
    }
    if (!asCreated) {
      return;
    }
    if (s.debug() && s.cpuPartial() != 0) {
      f.cache(Invariant.TUNABLES, "cpu_partial = " + s.cpuPartial() + " in a debug cache");
    }
    Set<Integer> allowed = CPU_PARTIALS.get(s.slub().params().profile());
    if (!allowed.contains(s.cpuPartial())) {
      f.cache(Invariant.TUNABLES, "cpu_partial = " + s.cpuPartial() + " not in " + allowed);
    }
  }

  /** The values {@code set_cpu_partial} can choose: 0, and one per size class. */
  private static Set<Integer> creationCpuPartials(GeometryProfile profile) {
    Set<Integer> out = new TreeSet<>();
    out.add(0);
    for (int size : new int[] {8, 256, 1024, Oo.PAGE_SIZE}) {
      out.add(Sizing.cpuPartial(size, 0, profile));
    }
    return out;
  }

  private static String words(int oo) {
    return "(" + Oo.order(oo) + ", " + Oo.objects(oo) + ")";
  }
}
