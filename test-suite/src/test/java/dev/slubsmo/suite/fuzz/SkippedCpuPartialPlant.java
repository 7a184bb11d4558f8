package dev.slubsmo.suite.fuzz;

import dev.slubsmo.slab.SkippedCpuPartialFree;
import dev.slubsmo.testmodule.lang.Session;

/**
 * Planted fault (c): every machine the session boots gets {@link SkippedCpuPartialFree} on its
 * {@code kmem_cache_free} tracepoint.
 */
final class SkippedCpuPartialPlant implements Plant {
  @Override
  public void attach(Session s) {
    Runnable probe = () -> s.machine().slub().setFreeTracepoint(new SkippedCpuPartialFree());
    probe.run();
    s.onReboot(probe);
  }
}
