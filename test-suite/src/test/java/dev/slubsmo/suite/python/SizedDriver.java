package dev.slubsmo.suite.python;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.smo.Smo;
import dev.slubsmo.suite.transport.InProcessTransport;
import dev.slubsmo.testmodule.lang.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's commands for a cache of another object size. The command language drives only {@code
 * smo_test} ({@code callfn}), so this helper stands in for {@code slub_defrag} on a cache made with
 * {@code create NAME size=N flags=ctor}: it allocates, frees from the oldest and enables mobility
 * through the Java API, with {@code slub_defrag}'s list discipline (append at the tail, a migrated
 * object re-appended); the shrink and every observation go through sysfs as in the suite.
 */
final class SizedDriver implements SuiteDriver {
  private final Session session;
  private final KmemCache cache;
  private final CacheSysfs sysfs;
  private final List<Long> objects = new ArrayList<>();

  private SizedDriver(Session session, KmemCache cache) {
    this.session = session;
    this.cache = cache;
    this.sysfs = new CacheSysfs(new InProcessTransport(session), cache.name());
  }

  /** A session on {@code machine} with the cache {@code sized_test} of {@code size} bytes. */
  static SizedDriver boot(SuiteMachine machine, int size) {
    Session s = new Session();
    s.execute(machine.line());
    s.execute("create sized_test size=" + size + " flags=ctor");
    return new SizedDriver(s, s.cache("sized_test"));
  }

  @Override
  public void alloc(long n) {
    for (long i = 0; i < n; i++) {
      long p = cache.alloc(session.cpu(), Gfp.KERNEL);
      if (p == 0) {
        throw new IllegalStateException("sized_test: allocation " + i + " of " + n + " failed");
      }
      objects.add(p);
    }
  }

  @Override
  public void free(long n) {
    for (long i = 0; i < n && !objects.isEmpty(); i++) {
      cache.free(session.cpu(), objects.remove(0));
    }
  }

  @Override
  public void enable() {
    Smo.setupMobility(cache, Mobility.of(null, this::migrate, "sized_migrate"));
  }

  /** As {@code smo_cache_migrate}: a replacement on the target node, a copy, the old one freed. */
  private void migrate(KmemCache s, long[] objs, int n, int node, Object priv) {
    Cpu cpu = Cpu.current();
    PhysicalMemory mem = s.memory();
    for (int i = 0; i < n; i++) {
      long p = node < 0 ? s.alloc(cpu, Gfp.KERNEL) : s.allocNode(cpu, Gfp.KERNEL, node);
      if (p == 0) {
        return;
      }
      mem.copy(objs[i], p, s.objectSize());
      objects.remove(objs[i]);
      objects.add(p);
      s.free(cpu, objs[i]);
    }
  }

  @Override
  public void shrink() {
    sysfs.shrink();
  }

  @Override
  public SlabTuple state() {
    return sysfs.state();
  }

  @Override
  public int objsPerSlab() {
    return (int) sysfs.value("objs_per_slab");
  }
}
