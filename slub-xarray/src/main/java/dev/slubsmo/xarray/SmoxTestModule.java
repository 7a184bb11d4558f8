package dev.slubsmo.xarray;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.KernelLog;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.ObjectCtor;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.smo.Smo;

/**
 * The XArray test module {@code slub_defrag_xarray} (SMO patch 11, spec testmodule-and-suite.md 2):
 * the movable cache {@code smox_test} of 8-byte {@code struct smox_thing { long id; }} (the
 * constructor sets id -1), the array {@code things} holding each thing at the index equal to its
 * id, and {@code test_smo_xarray} run at load. Log lines go to the machine log verbatim.
 *
 * <p>Beyond the kernel module, which has no interface, the commands {@link #store}, {@link #erase},
 * {@link #mark}, {@link #clear}, {@link #check} and {@link #test} drive the same array. Each
 * returns 0 or a negative errno after logging why; an argument out of range is an {@link
 * IllegalArgumentException} naming it, with nothing changed. Ranges are {@code count} indices from
 * {@code index}.
 */
public final class SmoxTestModule {
  public static final String CACHE = "smox_test";
  public static final int THING_SIZE = 8;

  /** Offset of {@code id} in {@code struct smox_thing}. */
  public static final int ID = 0;

  /** {@code test_smo_xarray}'s item count and survivor stride at load. */
  public static final int NR_ITEMS = 10000;

  public static final int KEEP = 6;

  public static final int ENOENT = -2;
  public static final int ENOMEM = XaException.ENOMEM;
  public static final int EBUSY = XaException.EBUSY;

  /** What a failed check returns, as the kernel module does. */
  public static final int CHECK_FAILED = -1;

  private final Machine machine;
  private final XArrayCache xc;
  private final KmemCache cache;
  private final XArray things;
  private final PhysicalMemory mem;
  private final KernelLog log;
  private int loadStatus;
  private boolean loaded = true;

  private SmoxTestModule(Machine machine, XArrayCache xc, KmemCache cache, XArray things) {
    this.machine = machine;
    this.xc = xc;
    this.cache = cache;
    this.things = things;
    this.mem = machine.slub().memory();
    this.log = machine.log();
  }

  /** The constructor of {@code smox_test}: {@code id = -1}. */
  private static final class ThingCtor implements ObjectCtor {
    @Override
    public void construct(PhysicalMemory memory, long object) {
      memory.writeLong(object + ID, -1);
    }

    @Override
    public String symbol() {
      return "smox_thing_ctor+0x0/0x10 [slub_defrag_xarray]";
    }
  }

  /**
   * Module init: creates {@code smox_test}, enables mobility with {@code smox_cache_migrate}, runs
   * {@code test_smo_xarray(10000, 6)} (a failure is logged and kept in {@link #loadStatus}; the
   * load still succeeds).
   *
   * @throws IllegalStateException when the cache cannot be created (the load fails)
   */
  public static SmoxTestModule load(Machine m, Cpu cpu) {
    XArrayCache xc = XArrayCache.of(m);
    KmemCache cache;
    try {
      cache = m.slub().createCache(CACHE, THING_SIZE, 0, 0, new ThingCtor());
    } catch (IllegalArgumentException e) {
      m.log().printk("smo_xarray: failed to create cache");
      throw new IllegalStateException("smo_xarray: failed to create cache: " + e.getMessage(), e);
    }
    m.log().printk("smo_xarray: created kmem_cache: " + CACHE);
    SmoxTestModule module = new SmoxTestModule(m, xc, cache, xc.create(cpu, 0));
    Smo.setupMobility(
        cache,
        Mobility.of(
            null,
            new SmoxMigrate(xc, module.things),
            "smox_cache_migrate+0x0/0x1a0 [slub_defrag_xarray]"));
    m.log().printk("smo_xarray: kmem_cache " + CACHE + " defrag enabled");
    module.loadStatus = module.testSmoXarray(cpu, NR_ITEMS, KEEP);
    if (module.loadStatus != 0) {
      m.log().printk("test_smo_xarray failed: " + module.loadStatus);
    }
    m.log().printk("smo_xarray: module loaded successfully");
    return module;
  }

  /** What {@code test_smo_xarray} returned at load. */
  public int loadStatus() {
    return loadStatus;
  }

  public KmemCache cache() {
    return cache;
  }

  /** The array {@code things}. */
  public XArray things() {
    return things;
  }

  /** Module exit: frees every thing, destroys the array and the cache. */
  public void unload(Cpu cpu) {
    requireLoaded();
    eraseRange(cpu, 0, Long.MAX_VALUE);
    things.destroy();
    xc.remove(cpu, things);
    xc.rcuBarrier(cpu);
    machine.slub().destroyCache(cache);
    loaded = false;
    log.printk("smo_xarray: module removed");
  }

  /**
   * Stores a new thing with id i at every index i of the range; a thing already there is freed.
   * Returns 0, or -ENOMEM (logged) leaving the indices before the failing one stored.
   */
  public int store(Cpu cpu, long index, long count) {
    requireLoaded();
    checkRange(index, count);
    for (long i = index; i <= index + (count - 1); i++) {
      int err = storeThing(cpu, i);
      if (err != 0) {
        return err;
      }
    }
    return 0;
  }

  /** Erases and frees every thing in the range (absent indices are skipped, as xa_erase does). */
  public int erase(Cpu cpu, long index, long count) {
    requireLoaded();
    checkRange(index, count);
    eraseRange(cpu, index, index + (count - 1));
    return 0;
  }

  /** Sets {@code mark} (0..2) on every thing in the range. */
  public int mark(long index, long count, int mark) {
    requireLoaded();
    checkRange(index, count);
    XaMark m = XaMark.of(mark);
    for (IndexedEntry e = things.find(index, index + (count - 1));
        e != null;
        e = things.findAfter(e.index(), index + (count - 1))) {
      things.setMark(e.index(), m);
    }
    return 0;
  }

  /** Clears {@code mark} (0..2) on every thing in the range. */
  public int clear(long index, long count, int mark) {
    requireLoaded();
    checkRange(index, count);
    XaMark m = XaMark.of(mark);
    for (IndexedEntry e = things.find(index, index + (count - 1), m);
        e != null;
        e = things.findAfter(e.index(), index + (count - 1), m)) {
      things.clearMark(e.index(), m);
    }
    return 0;
  }

  /**
   * Checks that every entry is a live {@code smox_test} object whose id is its index, and that the
   * tree passes {@link XArray#check}. Returns 0, or {@link #CHECK_FAILED} after logging the first
   * problem.
   */
  public int check() {
    requireLoaded();
    for (IndexedEntry e = things.find(0, -1); e != null; e = things.findAfter(e.index(), -1)) {
      Slab slab = machine.slub().slabOf(e.entry());
      if (slab == null || slab.cache() != cache) {
        log.printk(
            String.format(
                "smox: error; entry 0x%x at %d is not a %s object", e.entry(), e.index(), CACHE));
        return CHECK_FAILED;
      }
      long id = mem.readLong(e.entry() + ID);
      if (id != e.index()) {
        log.printk("smox: error; got " + id + " want " + e.index() + " at " + e.index());
        return CHECK_FAILED;
      }
    }
    try {
      things.check();
    } catch (IllegalStateException e) {
      log.printk("smox: error; " + e.getMessage());
      return CHECK_FAILED;
    }
    return 0;
  }

  /**
   * Runs {@code test_smo_xarray(nr, keep)} on an empty array: returns -EBUSY (logged) when things
   * are left from earlier commands or the load.
   */
  public int test(Cpu cpu, long nr, long keep) {
    requireLoaded();
    if (nr < 1) {
      throw new IllegalArgumentException("nr must be at least 1, got " + nr);
    }
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    }
    if (!things.empty()) {
      log.printk("smox: test requires clean module state");
      return EBUSY;
    }
    return testSmoXarray(cpu, nr, keep);
  }

  /**
   * {@code test_smo_xarray}: store things 0..nr-1, erase and free every index not a multiple of
   * {@code keep}, then walk the array expecting ids {@code 0, keep, 2 keep, ...} each at its own
   * index. The port also requires the walk to reach the last multiple (the kernel's stops early
   * without noticing a missing tail).
   */
  private int testSmoXarray(Cpu cpu, long nr, long keep) {
    for (long i = 0; i < nr; i++) {
      int err = storeThing(cpu, i);
      if (err != 0) {
        return err;
      }
    }
    for (long i = 0; i < nr; i++) {
      if (i % keep != 0) {
        long thing = things.erase(i);
        if (thing == 0) {
          log.printk("smox: error erasing entry: " + i);
          return ENOENT;
        }
        cache.free(cpu, thing);
      }
    }
    long expected = 0;
    for (IndexedEntry e = things.find(0, -1); e != null; e = things.findAfter(e.index(), -1)) {
      long id = mem.readLong(e.entry() + ID);
      if (id != e.index() || e.index() != expected) {
        log.printk("smox: error; got " + id + " want " + expected + " at " + e.index());
        return CHECK_FAILED;
      }
      expected += keep;
    }
    if (expected < nr) {
      log.printk("smox: error; got nothing want " + expected + " at " + expected);
      return CHECK_FAILED;
    }
    return 0;
  }

  private int storeThing(Cpu cpu, long index) {
    long thing = cache.alloc(cpu, Gfp.KERNEL);
    if (thing == 0) {
      log.printk("smox: failed to allocate entry: " + index);
      return ENOMEM;
    }
    mem.writeLong(thing + ID, index);
    long old;
    try {
      old = things.store(cpu, index, thing);
    } catch (XaException e) {
      cache.free(cpu, thing);
      log.printk("smox: failed to allocate entry: " + index);
      return e.errno();
    }
    if (old != 0) {
      cache.free(cpu, old);
    }
    return 0;
  }

  private void eraseRange(Cpu cpu, long first, long last) {
    for (IndexedEntry e = things.find(first, last);
        e != null;
        e = things.findAfter(e.index(), last)) {
      cache.free(cpu, things.erase(e.index()));
    }
  }

  private static void checkRange(long index, long count) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be at least 0, got " + index);
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    if (count - 1 > Long.MAX_VALUE - index) {
      throw new IllegalArgumentException(
          "count " + count + " from index " + index + " runs past " + Long.MAX_VALUE);
    }
  }

  private void requireLoaded() {
    if (!loaded) {
      throw new IllegalStateException(CACHE + " module is not loaded");
    }
  }
}
