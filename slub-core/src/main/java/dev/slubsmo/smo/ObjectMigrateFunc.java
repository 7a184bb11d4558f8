package dev.slubsmo.smo;

import dev.slubsmo.slab.KmemCache;

/** The per-object migrate form: moves one object to {@code node} and answers what happened. */
@FunctionalInterface
public interface ObjectMigrateFunc {
  MoveAnswer migrate(KmemCache s, long object, int node, Object priv);
}
