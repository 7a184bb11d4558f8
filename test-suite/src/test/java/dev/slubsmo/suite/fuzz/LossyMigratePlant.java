package dev.slubsmo.suite.fuzz;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.smo.MigrateFunc;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.testmodule.lang.Session;
import dev.slubsmo.testmodule.module.SmoTestModule;

/**
 * Planted fault (a): a {@code smo_test} migrate callback that loses one object. Once a line has
 * made the cache movable, its callback is wrapped: after the module's {@code smo_cache_migrate} has
 * moved a batch, the last object it re-appended is unlinked and freed, as a callback that forgot to
 * keep it would leave things. The list, the count and the slabs stay consistent; only the set of
 * ids says an object is gone.
 */
final class LossyMigratePlant implements Plant {
  private static final String SYMBOL = "smo_cache_migrate_lossy [planted]";

  @Override
  public void attach(Session s) {
    s.afterEachCommand(line -> wrap(s));
  }

  private static void wrap(Session s) {
    SmoTestModule smo = s.smoModule();
    if (smo == null) {
      return;
    }
    KmemCache c = smo.cache();
    Mobility m = c.mobility();
    if (m == null || m.symbol().equals(SYMBOL)) {
      return;
    }
    MigrateFunc real = m.migrate();
    c.installMobility(
        Mobility.of(
            m.isolate(),
            (cache, objs, n, node, priv) -> {
              int before = smo.objectCount();
              real.migrate(cache, objs, n, node, priv);
              if (n > 0 && smo.objectCount() == before && before > 0) {
                smo.free(Cpu.current(), 1, before - 1);
              }
            },
            SYMBOL));
  }
}
