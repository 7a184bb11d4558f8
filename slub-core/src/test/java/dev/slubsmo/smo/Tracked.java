package dev.slubsmo.smo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A movable test cache whose objects carry an id and a payload derived from it, tracked by id: the
 * migrate callback moves an object by allocating on the target node, copying, repointing the table
 * and freeing the old one, as smo_cache_migrate does.
 */
final class Tracked {
  static final int SIZE = 56;
  final Machine m;
  final Cpu cpu;
  final KmemCache s;
  final LinkedHashMap<Long, Long> byId = new LinkedHashMap<>();
  private final Map<Long, Long> idOf = new HashMap<>();
  private long nextId;

  Tracked(Machine m, String name) {
    this.m = m;
    this.cpu = m.cpu(0);
    this.s = m.slub().createCache(name, SIZE, 0, 0, (mem, p) -> mem.writeLong(p + 48, -1));
  }

  void enable() {
    Smo.setupMobility(s, Mobility.of(null, this::migrate, "tracked_migrate"));
  }

  void migrate(KmemCache c, long[] objs, int count, int node, Object priv) {
    for (int i = 0; i < count; i++) {
      long n = c.allocNode(cpu, Gfp.KERNEL, node);
      if (n == 0) {
        return;
      }
      c.memory().copy(objs[i], n, SIZE);
      long id = idOf.remove(objs[i]);
      idOf.put(n, id);
      byId.put(id, n);
      c.free(cpu, objs[i]);
    }
  }

  long alloc(int node) {
    long p = node < 0 ? s.alloc(cpu, Gfp.KERNEL) : s.allocNode(cpu, Gfp.KERNEL, node);
    long id = nextId++;
    write(m.pages().memory(), p, id);
    byId.put(id, p);
    idOf.put(p, id);
    return id;
  }

  List<Long> alloc(int n, int node) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(alloc(node));
    }
    return ids;
  }

  void free(long id) {
    long p = byId.remove(id);
    idOf.remove(p);
    s.free(cpu, p);
  }

  private static void write(PhysicalMemory mem, long p, long id) {
    for (int off = 0; off < 48; off += 8) {
      mem.writeLong(p + off, id * 31 + off);
    }
    mem.writeLong(p + 48, id);
  }

  /** Every tracked object is where the table says, with its id and payload intact. */
  void assertIntact() {
    PhysicalMemory mem = m.pages().memory();
    for (Map.Entry<Long, Long> e : byId.entrySet()) {
      long p = e.getValue();
      assertEquals(e.getKey(), mem.readLong(p + 48), "id at " + Long.toHexString(p));
      for (int off = 0; off < 48; off += 8) {
        assertEquals(e.getKey() * 31 + off, mem.readLong(p + off), "payload of " + e.getKey());
      }
    }
    assertEquals(byId.size(), idOf.size());
  }

  long slabs() {
    long n = 0;
    for (int i = 0; i < s.nodeCount(); i++) {
      n += s.node(i).nrSlabs();
    }
    return n;
  }

  long partial() {
    long n = 0;
    for (int i = 0; i < s.nodeCount(); i++) {
      n += s.node(i).nrPartial();
    }
    return n;
  }

  long liveOn(int node) {
    return byId.values().stream().filter(p -> m.pages().memory().addressToNode(p) == node).count();
  }

  long floor() {
    long f = 0;
    for (int i = 0; i < s.nodeCount(); i++) {
      f += (liveOn(i) + s.objsPerSlab() - 1) / s.objsPerSlab();
    }
    return f;
  }
}
