package dev.slubsmo.concurrency;

import org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategyGuaranteeKt;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;

/**
 * Model checking settings shared by the Lincheck tests. Run sizes come from {@code
 * smo.lincheck.iterations} and {@code smo.lincheck.invocations} (small in {@code verify}, larger
 * under the {@code stress} profile). The page allocator, the bytes of simulated memory, the kernel
 * log, the seeded random source, slab page setup and teardown, kmalloc (the scratch buffer) and the
 * invariant checker run without thread switches: none of them is part of a protocol under test, and
 * switching inside them only multiplies interleavings.
 */
final class LincheckOptions {
  static final int ITERATIONS = Integer.getInteger("smo.lincheck.iterations", 1);
  static final int INVOCATIONS = Integer.getInteger("smo.lincheck.invocations", 4);

  private LincheckOptions() {}

  static ModelCheckingOptions modelChecking(
      int threads, int iterations, int invocations, Class<?> specification) {
    return new ModelCheckingOptions()
        .iterations(iterations)
        .invocationsPerIteration(invocations)
        .threads(threads)
        .actorsPerThread(2)
        .actorsBefore(1)
        .actorsAfter(1)
        .hangingDetectionThreshold(1000)
        .minimizeFailedScenario(false)
        .sequentialSpecification(specification)
        .addGuarantee(
            ManagedStrategyGuaranteeKt.forClasses(
                    "dev.slubsmo.mm.PhysicalMemory",
                    "dev.slubsmo.mm.PageAllocator",
                    "dev.slubsmo.mm.BuddyZone",
                    "dev.slubsmo.mm.KernelLog",
                    "dev.slubsmo.slab.Slub",
                    "dev.slubsmo.slab.SlabPages",
                    "dev.slubsmo.slab.Kmalloc",
                    "dev.slubsmo.debug.InvariantChecker")
                .allMethods()
                .ignore());
  }
}
