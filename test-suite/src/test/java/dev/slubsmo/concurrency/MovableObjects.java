package dev.slubsmo.concurrency;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.smo.Smo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * The user of a movable cache, safe for many threads: every object carries its id in word 0 and a
 * payload derived from it in the other words; a table maps ids to addresses. One lock guards the
 * table and every read or write of a registered object's bytes; it plays the part {@code xa_lock}
 * plays for the XArray.
 *
 * <p>Mobility has no isolate callback, so nothing pins the objects between the vector build and
 * migrate (smo.md 1.2, K21): an owner may free one meanwhile. The {@link Migration#RECHECK} migrate
 * allocates the replacement unlocked, then under the lock checks that the old address is still
 * registered; if it is not, the object was freed since the vector was built and the replacement is
 * given back. The freed slot cannot have been handed out again, because the slab being vacated is
 * frozen and on no list. A free takes the object out of the table under the lock and frees it after
 * unlocking, so migrate either moved it first (and the owner frees the new copy) or sees it gone.
 */
final class MovableObjects {

  /** What migrate does about objects freed after the vector was built. */
  enum Migration {
    /** Rechecks under the lock and skips freed objects. */
    RECHECK,
    /** The planted race: copies and frees every vector entry, trusting the id in its bytes. */
    UNCHECKED
  }

  final Machine machine;
  final KmemCache cache;
  private final int size;
  private final PhysicalMemory memory;
  private final Migration migration;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Long, Long> addressOf = new HashMap<>();
  private final Map<Long, Long> idAt = new HashMap<>();
  private long nextId;
  private volatile LongConsumer beforeMove = p -> {};
  private final AtomicLong moved = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();

  /**
   * Creates the cache {@code name} with objects of {@code size} bytes (a multiple of 8, at least
   * 16) and sets up its mobility.
   */
  MovableObjects(Machine machine, String name, int size, Migration migration) {
    if (size < 16 || size % 8 != 0) {
      throw new IllegalArgumentException(
          "object size must be a multiple of 8, at least 16: " + size);
    }
    this.machine = machine;
    this.size = size;
    this.memory = machine.pages().memory();
    this.migration = migration;
    this.cache = machine.slub().createCache(name, size, 0, 0, (mem, p) -> mem.writeLong(p, -1));
    Smo.setupMobility(cache, Mobility.of(null, this::migrate, name + "_migrate"));
  }

  /** Runs {@code hook} in migrate before each object is moved (for forcing interleavings). */
  void beforeMove(LongConsumer hook) {
    this.beforeMove = hook;
  }

  /** Allocates on {@code cpu}, writes the payload and registers it; returns the id, -1 on OOM. */
  long alloc(Cpu cpu) {
    long p = cache.alloc(cpu, Gfp.KERNEL);
    if (p == 0) {
      return -1;
    }
    lock.lock();
    try {
      long id = nextId++;
      write(p, id);
      addressOf.put(id, p);
      idAt.put(p, id);
      return id;
    } finally {
      lock.unlock();
    }
  }

  /** Unregisters {@code id} and frees its object on {@code cpu}; false when it is not live. */
  boolean free(Cpu cpu, long id) {
    long p;
    lock.lock();
    try {
      Long at = addressOf.remove(id);
      if (at == null) {
        return false;
      }
      idAt.remove(at);
      p = at;
    } finally {
      lock.unlock();
    }
    cache.free(cpu, p);
    return true;
  }

  /** The address of a live object, or 0. */
  long addressOf(long id) {
    lock.lock();
    try {
      return addressOf.getOrDefault(id, 0L);
    } finally {
      lock.unlock();
    }
  }

  /** Live ids with their addresses, a snapshot. */
  Map<Long, Long> live() {
    lock.lock();
    try {
      return new HashMap<>(addressOf);
    } finally {
      lock.unlock();
    }
  }

  /** Objects moved and objects migrate found freed (skipped) so far. */
  long moved() {
    return moved.get();
  }

  long skipped() {
    return skipped.get();
  }

  /** Every live object whose id word or payload is wrong, one message each. */
  List<String> damage() {
    List<String> out = new ArrayList<>();
    lock.lock();
    try {
      for (Map.Entry<Long, Long> e : addressOf.entrySet()) {
        if (!intact(e.getValue(), e.getKey())) {
          out.add("object " + e.getKey() + " at " + Long.toHexString(e.getValue()) + " damaged");
        }
      }
    } finally {
      lock.unlock();
    }
    return out;
  }

  /** Live objects whose bytes are intact. */
  int intactCount() {
    lock.lock();
    try {
      int n = 0;
      for (Map.Entry<Long, Long> e : addressOf.entrySet()) {
        if (intact(e.getValue(), e.getKey())) {
          n++;
        }
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  private void migrate(KmemCache s, long[] objects, int count, int node, Object priv) {
    Cpu cpu = Cpu.current();
    for (int i = 0; i < count; i++) {
      long old = objects[i];
      if (old == 0) {
        continue;
      }
      beforeMove.accept(old);
      long replacement = s.allocNode(cpu, Gfp.KERNEL, node);
      if (replacement == 0) {
        return;
      }
      boolean live =
          migration == Migration.RECHECK ? moveIfLive(old, replacement) : move(old, replacement);
      s.free(cpu, live ? old : replacement);
    }
  }

  /** Under the lock: moves {@code old} if it is still registered; false when it was freed. */
  private boolean moveIfLive(long old, long replacement) {
    lock.lock();
    try {
      Long id = idAt.remove(old);
      if (id == null) {
        skipped.incrementAndGet();
        return false;
      }
      memory.copy(old, replacement, size);
      idAt.put(replacement, id);
      addressOf.put(id, replacement);
      moved.incrementAndGet();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Under the lock: moves {@code old} to whatever id its bytes name, live or not. */
  private boolean move(long old, long replacement) {
    lock.lock();
    try {
      memory.copy(old, replacement, size);
      long id = memory.readLong(old);
      idAt.remove(old);
      idAt.put(replacement, id);
      addressOf.put(id, replacement);
      moved.incrementAndGet();
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void write(long p, long id) {
    memory.writeLong(p, id);
    for (int off = 8; off < size; off += 8) {
      memory.writeLong(p + off, id * 31 + off);
    }
  }

  private boolean intact(long p, long id) {
    if (memory.readLong(p) != id) {
      return false;
    }
    for (int off = 8; off < size; off += 8) {
      if (memory.readLong(p + off) != id * 31 + off) {
        return false;
      }
    }
    return true;
  }
}
