package dev.slubsmo.bench;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.smo.Smo;
import java.util.Arrays;

/**
 * A movable cache of {@value #OBJECT_SIZE}-byte objects reached through a handle table, the way a
 * kernel subsystem reaches its objects through its own pointers: an object's first word is its
 * handle, and the migrate callback allocates on the target node, copies, repoints the handle and
 * frees the old object, as {@code smo_cache_migrate} does for its list.
 */
public final class HandleCache {
  public static final int OBJECT_SIZE = 64;

  private final Cpu cpu;
  private final KmemCache cache;
  private final PhysicalMemory mem;
  private long[] handles;

  /**
   * Creates cache {@code name} on {@code m}; {@code table} holds the handles (all 0) and is
   * replaced by a larger copy when a handle beyond it is allocated.
   */
  public HandleCache(Machine m, String name, long[] table) {
    this.cpu = m.cpu(0);
    this.mem = m.pages().memory();
    this.cache = m.slub().createCache(name, OBJECT_SIZE, 0, 0, (mm, p) -> mm.writeLong(p, -1));
    this.handles = table;
    Smo.setupMobility(cache, Mobility.of(null, this::migrate, "bench_handle_migrate"));
  }

  public KmemCache cache() {
    return cache;
  }

  public Cpu cpu() {
    return cpu;
  }

  /** The object behind handle {@code h}, or 0. */
  public long object(int h) {
    return h < handles.length ? handles[h] : 0;
  }

  /** Allocates an object for handle {@code h}, which must be free; the table grows to fit. */
  public long alloc(int h) {
    if (h >= handles.length) {
      handles = Arrays.copyOf(handles, Math.max(h + 1, 2 * handles.length));
    }
    long p = cache.alloc(cpu, Gfp.KERNEL);
    if (p == 0) {
      throw new IllegalStateException(cache.name() + ": out of simulated memory at handle " + h);
    }
    mem.writeLong(p, h);
    handles[h] = p;
    return p;
  }

  /** Frees the object of handle {@code h}. */
  public void free(int h) {
    cache.free(cpu, handles[h]);
    handles[h] = 0;
  }

  private void migrate(KmemCache c, long[] objects, int count, int node, Object priv) {
    for (int i = 0; i < count; i++) {
      long n = c.allocNode(cpu, Gfp.KERNEL, node);
      if (n == 0) {
        return;
      }
      mem.copy(objects[i], n, OBJECT_SIZE);
      handles[(int) mem.readLong(n)] = n;
      c.free(cpu, objects[i]);
    }
  }
}
