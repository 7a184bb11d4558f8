package dev.slubsmo.testmodule.live;

import java.util.ArrayList;
import java.util.List;

/**
 * One real SLUB cache as {@code /sys/kernel/slab} shows it: the kmem_cache's own directory (named
 * {@code :<unique id>} when the cache is mergeable) and the alias links of the caches merged into
 * it. Count attributes keep their per-node values.
 */
public record LiveCache(
    String name,
    List<String> aliases,
    int objectSize,
    int slabSize,
    int objsPerSlab,
    int order,
    NodeCounts objects,
    NodeCounts slabs,
    NodeCounts partial,
    NodeCounts cpuSlabs,
    NodeCounts totalObjects) {

  /** The prefix of the unique id sysfs_slab_add() gives a mergeable cache's directory. */
  public static final String UNIQUE_ID_PREFIX = ":";

  public LiveCache {
    aliases = List.copyOf(aliases);
  }

  /**
   * The names user space knows the cache by: its directory unless a unique id, then its aliases.
   */
  public List<String> visibleNames() {
    List<String> names = new ArrayList<>();
    if (!name.startsWith(UNIQUE_ID_PREFIX)) {
      names.add(name);
    }
    aliases.stream().filter(a -> !a.startsWith(UNIQUE_ID_PREFIX)).forEach(names::add);
    return names;
  }
}
