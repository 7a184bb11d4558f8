package dev.slubsmo.slab;

import java.util.Objects;

/**
 * The machine parameters that cache sizing depends on: {@code nr_cpu_ids}, the {@code
 * slub_min_order}, {@code slub_max_order} and {@code slub_min_objects} boot parameters, and the
 * geometry profile. Like {@code setup_slub_max_order}, a maximum order above {@code MAX_ORDER - 1}
 * is clamped to it.
 */
public record SizingParams(
    int nrCpuIds, int slubMinOrder, int slubMaxOrder, int slubMinObjects, GeometryProfile profile) {

  /** {@code PAGE_ALLOC_COSTLY_ORDER}, the default {@code slub_max_order}. */
  public static final int PAGE_ALLOC_COSTLY_ORDER = 3;

  public SizingParams {
    Objects.requireNonNull(profile, "SizingParams: profile");
    if (nrCpuIds < 1) {
      throw new IllegalArgumentException("SizingParams: nrCpuIds " + nrCpuIds + " is below 1");
    }
    if (slubMinOrder < 0 || slubMinOrder >= Oo.MAX_ORDER) {
      throw new IllegalArgumentException(
          "SizingParams: slubMinOrder " + slubMinOrder + " outside 0.." + (Oo.MAX_ORDER - 1));
    }
    if (slubMaxOrder < 0) {
      throw new IllegalArgumentException(
          "SizingParams: slubMaxOrder " + slubMaxOrder + " is negative");
    }
    if (slubMinObjects < 0) {
      throw new IllegalArgumentException(
          "SizingParams: slubMinObjects " + slubMinObjects + " is negative");
    }
    slubMaxOrder = Math.min(slubMaxOrder, Oo.MAX_ORDER - 1);
  }

  /** The snapshot machine's settings: 2 CPUs, orders 0..3, {@code min_objects} from the CPUs. */
  public static SizingParams defaults(GeometryProfile p) {
    return new SizingParams(2, 0, PAGE_ALLOC_COSTLY_ORDER, 0, p);
  }
}
