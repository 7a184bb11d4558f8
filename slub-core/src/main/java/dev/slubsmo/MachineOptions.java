package dev.slubsmo;

import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.slab.GeometryProfile;
import dev.slubsmo.slab.ShrinkMode;
import dev.slubsmo.smo.Placement;

/**
 * Boot options of a machine.
 *
 * @param profile sizing rules (V5_0 default, V6 for the 6.18 snapshot)
 * @param slubDebug the {@code slub_debug=} option
 * @param nomerge {@code slab_nomerge}
 * @param seed the seed of every pseudo-random choice
 * @param shrinkMode mainline or SMO shrink
 * @param placement SMO's placement policy
 * @param kernelFidelity reproduce the patch set's weak spots (K6-K8) instead of the fixes
 */
public record MachineOptions(
    GeometryProfile profile,
    SlubDebugOption slubDebug,
    boolean nomerge,
    long seed,
    ShrinkMode shrinkMode,
    Placement placement,
    boolean kernelFidelity) {

  public static MachineOptions defaults() {
    return new MachineOptions(
        GeometryProfile.V5_0,
        SlubDebugOption.NONE,
        false,
        1,
        ShrinkMode.SMO,
        Placement.KERNEL,
        false);
  }

  public MachineOptions withSlubDebug(SlubDebugOption d) {
    return new MachineOptions(profile, d, nomerge, seed, shrinkMode, placement, kernelFidelity);
  }

  public MachineOptions withProfile(GeometryProfile p) {
    return new MachineOptions(p, slubDebug, nomerge, seed, shrinkMode, placement, kernelFidelity);
  }

  public MachineOptions withNomerge(boolean n) {
    return new MachineOptions(profile, slubDebug, n, seed, shrinkMode, placement, kernelFidelity);
  }

  public MachineOptions withSeed(long s) {
    return new MachineOptions(
        profile, slubDebug, nomerge, s, shrinkMode, placement, kernelFidelity);
  }

  public MachineOptions withShrinkMode(ShrinkMode m) {
    return new MachineOptions(profile, slubDebug, nomerge, seed, m, placement, kernelFidelity);
  }

  public MachineOptions withPlacement(Placement p) {
    return new MachineOptions(profile, slubDebug, nomerge, seed, shrinkMode, p, kernelFidelity);
  }

  public MachineOptions withKernelFidelity(boolean k) {
    return new MachineOptions(profile, slubDebug, nomerge, seed, shrinkMode, placement, k);
  }
}
