package dev.slubsmo.smo;

import dev.slubsmo.slab.KmemCache;

/**
 * {@code kmem_cache_migrate_func}: runs unlocked; for each object allocates a replacement on {@code
 * node}, copies it, repoints every reference and frees the old object.
 */
@FunctionalInterface
public interface MigrateFunc {
  void migrate(KmemCache s, long[] objects, int count, int node, Object priv);
}
