package dev.slubsmo.testmodule.module;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.KernelLog;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.ObjectCtor;
import dev.slubsmo.smo.Defrag;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.smo.Smo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code slub_defrag} test module (tools/testing/slab/slub_defrag.c, SMO patch 07): the {@code
 * smo_test} cache of 56-byte {@code struct smo_slub_object}s (list link at 0, {@code buf[32]} at
 * 16, {@code id} at 48), the module's object list in simulated memory, and the {@code callfn}
 * commands {@code enable}, {@code alloc}, {@code free}, {@code test}.
 *
 * <p>Strict (default) versus kernel-faithful: strict mode gives each allocated object the next id
 * and a payload derived from it, copies the whole payload on migration, and its {@code test} checks
 * the exact id set and every payload (K1, K2); faithful mode leaves ids at -1, copies only the id,
 * and its {@code test} ignores its checks as the original does.
 */
public final class SmoTestModule {
  public static final String CACHE = "smo_test";
  public static final int OBJECT_SIZE = 56;
  static final int ID = 48;
  static final int BUF = 16;
  static final int BUF_LEN = 32;

  private final Machine machine;
  private final boolean faithful;
  private final PhysicalMemory mem;
  private final KernelLog log;
  private final KmemCache cache;
  private final long head;
  private long nextId;
  private int count;

  /** The constructor: list link to itself, {@code buf} zeroed, {@code id = -1}. */
  static final class Ctor implements ObjectCtor {
    @Override
    public void construct(PhysicalMemory m, long p) {
      ListHead.init(m, p);
      m.fill(p + BUF, BUF_LEN, (byte) 0);
      m.writeLong(p + ID, -1);
    }

    @Override
    public String symbol() {
      return "smo_object_ctor+0x0/0x30 [slub_defrag]";
    }
  }

  private SmoTestModule(Machine machine, boolean faithful, Cpu cpu) {
    this.machine = machine;
    this.faithful = faithful;
    this.mem = machine.pages().memory();
    this.log = machine.log();
    this.cache = machine.slub().createCache(CACHE, OBJECT_SIZE, 0, 0, new Ctor());
    this.head = machine.slub().kmalloc().kmalloc(cpu, 16, Gfp.KERNEL, KmemCache.NO_NODE);
    ListHead.init(mem, head);
  }

  /** {@code insmod slub_defrag}: creates the cache and the debugfs file. */
  public static SmoTestModule load(Machine machine, boolean faithful, Cpu cpu) {
    SmoTestModule m = new SmoTestModule(machine, faithful, cpu);
    m.log.printk("smo: Created kmem_cache: " + CACHE);
    m.log.printk(
        "smo: Created debugfs directory: "
            + (faithful ? "/sys/kernel/debugfs/smo" : "/sys/kernel/debug/smo"));
    m.log.printk("smo: Test module loaded");
    return m;
  }

  /** {@code rmmod}: frees every listed object and destroys the cache. */
  public void unload(Cpu cpu) {
    freeObjects(cpu, 0, 0);
    machine.slub().kmalloc().kfree(cpu, head);
    machine.slub().destroyCache(cache);
    log.printk("smo: Test module removed");
  }

  public KmemCache cache() {
    return cache;
  }

  public int objectCount() {
    return count;
  }

  /** {@code enable}: {@code kmem_cache_setup_mobility(smo_test, NULL, smo_cache_migrate)}. */
  public CallfnResult enable() {
    if (cache.mobility() == null) {
      Smo.setupMobility(
          cache, Mobility.of(null, this::migrate, "smo_cache_migrate+0x0/0xf0 [slub_defrag]"));
    }
    log.printk("smo: kmem_cache " + CACHE + " defrag enabled");
    return new CallfnResult(0);
  }

  /** {@code alloc N NODE}: N objects appended to the list; stops at the first failure. */
  public CallfnResult alloc(Cpu cpu, int n, int node) {
    for (int i = 0; i < n; i++) {
      long p = node < 0 ? cache.alloc(cpu, Gfp.KERNEL) : cache.allocNode(cpu, Gfp.KERNEL, node);
      if (p == 0) {
        log.printk("smo: Failed to alloc object " + i + " of " + n);
        return new CallfnResult(i);
      }
      if (!faithful) {
        writePayload(p, nextId++);
      }
      ListHead.addTail(mem, p, head);
      count++;
    }
    return new CallfnResult(n);
  }

  /** {@code free N POS}: N consecutive objects from list index POS; N = 0 frees to the end. */
  public CallfnResult free(Cpu cpu, int n, int pos) {
    return new CallfnResult(freeObjects(cpu, n, pos));
  }

  private int freeObjects(Cpu cpu, int n, int pos) {
    long p = ListHead.next(mem, head);
    for (int i = 0; i < pos && p != head; i++) {
      p = ListHead.next(mem, p);
    }
    int freed = 0;
    while (p != head && (n == 0 || freed < n)) {
      long next = ListHead.next(mem, p);
      ListHead.del(mem, p);
      release(cpu, p);
      count--;
      freed++;
      p = next;
    }
    return freed;
  }

  /** The listed objects, oldest first. */
  public List<Long> objects() {
    List<Long> out = new ArrayList<>(count);
    for (long p = ListHead.next(mem, head); p != head; p = ListHead.next(mem, p)) {
      out.add(p);
    }
    return out;
  }

  public long id(long object) {
    return mem.readLong(object + ID);
  }

  /** Strict mode's payload: {@code id} and a {@code buf} pattern derived from it. */
  void writePayload(long p, long id) {
    mem.writeLong(p + ID, id);
    for (int off = 0; off < BUF_LEN; off += 8) {
      mem.writeLong(p + BUF + off, pattern(id, off));
    }
  }

  static long pattern(long id, int off) {
    long x = id * 0x9E3779B97F4A7C15L + off;
    return x ^ (x >>> 29);
  }

  /** Whether an object's {@code buf} still holds the pattern of its id. */
  public boolean payloadIntact(long p) {
    long id = id(p);
    for (int off = 0; off < BUF_LEN; off += 8) {
      if (mem.readLong(p + BUF + off) != pattern(id, off)) {
        return false;
      }
    }
    return true;
  }

  /** {@code smo_cache_migrate}: allocate on the target node, copy, relink at the tail, free. */
  void migrate(KmemCache s, long[] objs, int n, int node, Object priv) {
    Cpu cpu = MigrationContext.cpu(machine);
    for (int i = 0; i < n; i++) {
      if (objs[i] == 0) {
        continue;
      }
      long p = node < 0 ? s.alloc(cpu, Gfp.KERNEL) : s.allocNode(cpu, Gfp.KERNEL, node);
      if (p == 0) {
        log.printk("kmem_cache_alloc failed");
        return;
      }
      if (faithful) {
        mem.writeLong(p + ID, mem.readLong(objs[i] + ID));
      } else {
        mem.copy(objs[i] + BUF, p + BUF, OBJECT_SIZE - BUF);
      }
      ListHead.del(mem, objs[i]);
      ListHead.addTail(mem, p, head);
      release(cpu, objs[i]);
    }
  }

  /**
   * Frees an unlinked object. A constructor cache expects objects back in their constructed state;
   * strict mode restores it (the ids it wrote would otherwise survive into the next allocation),
   * faithful mode frees as the original module does.
   */
  private void release(Cpu cpu, long p) {
    if (!faithful) {
      new Ctor().construct(mem, p);
    }
    cache.free(cpu, p);
  }

  /** {@code test NR KEEP}: the in-module stress test (spec 1.5). */
  public CallfnResult test(Cpu cpu, int nr, int keep) {
    if (count != 0) {
      log.printk("smo: test requires clean module state");
      return new CallfnResult(-1);
    }
    log.printk("smo: test using nr_objs: " + nr + " keep: " + keep);
    if (keep == 0) {
      log.printk("Usage: test <nr_objs> <keep>");
      return new CallfnResult(-1);
    }
    long probe = cache.alloc(cpu, Gfp.KERNEL);
    if (probe == 0) {
      log.printk("smo: Failed to alloc object");
      return new CallfnResult(-1);
    }
    if (id(probe) != -1) {
      log.printk("smo: Initial state incorrect");
      return new CallfnResult(-1);
    }
    cache.free(cpu, probe);
    for (int i = 0; i < nr; i++) {
      long p = cache.alloc(cpu, Gfp.KERNEL);
      if (p == 0) {
        log.printk("smo: Failed to alloc object " + i + " of " + nr);
        return new CallfnResult(-1);
      }
      writePayload(p, i);
      ListHead.addTail(mem, p, head);
      count++;
    }
    Set<Long> all = new HashSet<>();
    Set<Long> kept = new HashSet<>();
    for (long i = 0; i < nr; i++) {
      all.add(i);
      if (i % keep == 0) {
        kept.add(i);
      }
    }
    boolean ok = check(nr, 1, all);
    int counter = 0;
    for (long p : objects()) {
      if (counter++ % keep != 0) {
        ListHead.del(mem, p);
        release(cpu, p);
        count--;
      }
    }
    cache.shrink(cpu);
    ok &= check(nr, 1, kept);
    if (cache.mobility() == null) {
      Smo.setupMobility(
          cache, Mobility.of(null, this::migrate, "smo_cache_migrate+0x0/0xf0 [slub_defrag]"));
    }
    cache.shrink(cpu);
    ok &= check(nr, keep, kept);
    freeObjects(cpu, 0, 0);
    cache.shrink(cpu);
    if (!ok && !faithful) {
      log.printk("smo: Module tests failed");
      return new CallfnResult(-1);
    }
    log.printk("smo: Module tests completed successfully");
    return new CallfnResult(0);
  }

  /**
   * {@code assert_have_objects(nr, keep)}. Faithful: the original's lookup, which can only report
   * unknown ids. Strict: the listed ids must be exactly {@code expected}, none repeated, each with
   * its payload intact.
   */
  boolean check(int nr, int keep, Set<Long> expected) {
    if (faithful) {
      return checkLikeTheKernel(nr, keep);
    }
    Set<Long> seen = new HashSet<>();
    for (long p : objects()) {
      long id = id(p);
      if (!expected.contains(id)) {
        log.printk("smo: ID not found: " + id);
        return false;
      }
      if (!seen.add(id)) {
        log.printk("smo: ID already encountered: " + id);
        return false;
      }
      if (!payloadIntact(p)) {
        log.printk("smo: payload corrupted: " + id);
        return false;
      }
    }
    if (seen.size() != expected.size()) {
      log.printk("smo: objects missing: found " + seen.size() + ", expected " + expected.size());
      return false;
    }
    return true;
  }

  private boolean checkLikeTheKernel(int nr, int keep) {
    long[] expected = new long[nr / keep + 1];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (long) i * keep;
    }
    for (long p : objects()) {
      long id = id(p);
      int found = -1;
      for (int i = 0; i < expected.length; i++) {
        if (expected[i] == id) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        log.printk("smo: ID not found: " + id);
        return false;
      }
      if (expected[found] == -1) {
        log.printk("smo: ID already encountered: " + id);
        return false;
      }
      expected[found] = -1;
    }
    return true;
  }

  /** Shrinks {@code smo_test} as {@code slabinfo smo_test -s} does. */
  public long shrink(Cpu cpu) {
    return Defrag.shrink(cache, cpu, machine.slub().placement()).partialLeft();
  }

  /** Ids of the listed objects, oldest first. */
  public List<Long> ids() {
    List<Long> out = new ArrayList<>();
    for (long p : objects()) {
      out.add(id(p));
    }
    return out;
  }
}
