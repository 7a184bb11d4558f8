package dev.slubsmo.slab;

import dev.slubsmo.mm.Cpu;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Planted fault (c) for the fuzzer: a free that skips the CPU-partial rule. When a free makes a
 * full slab partial in a cache with CPU partial lists, {@code __slab_free} must freeze it and push
 * it onto the freeing CPU's chain (spec 4.3 case C). Right after every free that did (its {@code
 * cpu_partial_free} counter moved and the chain's head is the object's slab), this probe on the
 * {@code kmem_cache_free} tracepoint pops the slab off the chain and unfreezes it, leaving it
 * partial, unfrozen and on no list, as a free that skipped the rule leaves it. It lives in this
 * package to reach the chain, as slub-core's own planted-violation tests do.
 */
public final class SkippedCpuPartialFree implements FreeTracepoint {
  private final Map<CacheCpu, Long> pushesSeen = new IdentityHashMap<>();

  @Override
  public void kmemCacheFree(KmemCache s, Cpu cpu, long object) {
    CacheCpu c = s.cpuSlab[cpu.id()];
    long pushes = c.stat(StatItem.CPU_PARTIAL_FREE);
    Long seen = pushesSeen.put(c, pushes);
    Slab page = c.partial;
    if (pushes == (seen == null ? 0 : seen) || page == null || page != s.slub.slabOf(object)) {
      return;
    }
    c.partial = page.chainNext;
    page.chainNext = null;
    page.pages = 0;
    page.pobjects = 0;
    long old = page.state();
    page.setState(SlabState.next(old, SlabState.freeIndex(old), SlabState.inuse(old), false));
  }
}
