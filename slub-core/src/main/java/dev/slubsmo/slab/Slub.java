package dev.slubsmo.slab;

import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.KernelLog;
import dev.slubsmo.mm.PageAllocator;
import dev.slubsmo.mm.PhysicalMemory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The slab allocator of one machine: the global cache list ({@code slab_caches} under {@code
 * slab_mutex}), cache creation with merging (mm/slab_common.c), boot parameters, and the seeded
 * source of the kernel's pseudo-random choices.
 */
public final class Slub {
  final PageAllocator pages;
  final PhysicalMemory memory;
  final List<Cpu> cpus;
  final KernelLog log;
  final SizingParams params;
  final SlubDebugOption slubDebug;
  final boolean nomerge;
  volatile ShrinkMode shrinkMode = ShrinkMode.SMO;
  volatile dev.slubsmo.smo.Placement placement = dev.slubsmo.smo.Placement.KERNEL;
  volatile boolean kernelFidelity;
  volatile FreeTracepoint freeProbe;

  /** {@code slab_mutex}. */
  public final ReentrantLock slabMutex = new ReentrantLock();

  private final List<KmemCache> slabCaches = new ArrayList<>();
  private final List<KmemCache> creationOrder = new ArrayList<>();
  private final Map<String, KmemCache> byName = new LinkedHashMap<>();
  private final SplittableRandom random;
  private final java.util.concurrent.atomic.AtomicLong jiffies =
      new java.util.concurrent.atomic.AtomicLong(4294667296L);
  private final Kmalloc kmalloc;

  public Slub(
      PageAllocator pages,
      List<Cpu> cpus,
      KernelLog log,
      SizingParams params,
      SlubDebugOption slubDebug,
      boolean nomerge,
      long seed) {
    this.pages = pages;
    this.memory = pages.memory();
    this.cpus = List.copyOf(cpus);
    this.log = log;
    this.params = params;
    this.slubDebug = slubDebug;
    this.nomerge = nomerge;
    this.random = new SplittableRandom(seed);
    this.kmalloc = new Kmalloc(this);
  }

  /** Attaches {@code probe} to the {@code kmem_cache_free} tracepoint (null detaches). */
  public void setFreeTracepoint(FreeTracepoint probe) {
    this.freeProbe = probe;
  }

  public int cpuCount() {
    return cpus.size();
  }

  public int nodeCount() {
    return pages.nodeCount();
  }

  public PhysicalMemory memory() {
    return memory;
  }

  public PageAllocator pages() {
    return pages;
  }

  public KernelLog log() {
    return log;
  }

  public SizingParams params() {
    return params;
  }

  public Kmalloc kmalloc() {
    return kmalloc;
  }

  public ShrinkMode shrinkMode() {
    return shrinkMode;
  }

  public void setShrinkMode(ShrinkMode mode) {
    this.shrinkMode = mode;
  }

  /** The placement policy SMO shrink and defrag use. */
  public dev.slubsmo.smo.Placement placement() {
    return placement;
  }

  public void setPlacement(dev.slubsmo.smo.Placement p) {
    this.placement = p;
  }

  /** Kernel-faithful mode: reproduce the patch set's weak spots instead of the fixed behaviour. */
  public boolean kernelFidelity() {
    return kernelFidelity;
  }

  public void setKernelFidelity(boolean on) {
    this.kernelFidelity = on;
  }

  /** The model's {@code jiffies}: advanced by one for every debug track recorded. */
  public long tick() {
    return jiffies.incrementAndGet();
  }

  public long jiffies() {
    return jiffies.get();
  }

  /** {@code get_cycles() % 1024}: the remote_node_defrag_ratio coin, from the machine's seed. */
  synchronized int cycles() {
    return random.nextInt(1024);
  }

  /** A seeded value in {@code [0, bound)}. */
  public synchronized int random(int bound) {
    return random.nextInt(bound);
  }

  /** The slab holding {@code addr} ({@code virt_to_head_page} with {@code PageSlab}), or null. */
  public Slab slabOf(long addr) {
    return pages.ownerOf(addr) instanceof Slab s ? s : null;
  }

  /**
   * {@code kmem_cache_create}: merges into an existing cache when the kernel would (spec 2.6),
   * otherwise sizes and registers a new one, appended to {@code slab_caches} (SMO patch 03).
   */
  public KmemCache createCache(String name, int size, int align, int flags, ObjectCtor ctor) {
    return createCache(name, size, align, flags, ctor, 0, -1);
  }

  /** {@code kmem_cache_create_usercopy} with the 6.x {@code freeptr_offset} argument. */
  public KmemCache createCache(
      String name, int size, int align, int flags, ObjectCtor ctor, int usersize, int freeptr) {
    if (name == null || name.isEmpty() || name.contains("/") || name.contains(" ")) {
      throw new IllegalArgumentException("bad cache name '" + name + "'");
    }
    if (size < 1 || size > PageAllocator.PAGE_SIZE << (PageAllocator.MAX_ORDER - 1)) {
      throw new IllegalArgumentException("bad object size " + size + " for cache " + name);
    }
    if (align < 0 || (align & (align - 1)) != 0) {
      throw new IllegalArgumentException("align must be 0 or a power of two, got " + align);
    }
    slabMutex.lock();
    try {
      if (byName.containsKey(name)) {
        throw new IllegalArgumentException("cache " + name + " already exists");
      }
      int debugFlags = slubDebug.flagsFor(name);
      int all = flags | debugFlags;
      if (usersize == 0 && ctor == null && !nomerge) {
        KmemCache target = findMergeable(size, align, all);
        if (target != null) {
          target.refcount++;
          target.objectSize = Math.max(target.objectSize, size);
          target.inuse = Math.max(target.inuse, (size + 7) & ~7);
          byName.put(name, target);
          return target;
        }
      }
      int calcAlign = Sizing.calculateAlignment(all, align, size);
      CacheGeometry g = geometry(size, calcAlign, all, ctor, -1, freeptr);
      KmemCache s = new KmemCache(this, name, ctor, g, usersize);
      s.freeptrOffset = freeptr;
      if ((all & (SlabFlags.CONSISTENCY_CHECKS | SlabFlags.STORE_USER | SlabFlags.TRACE)) == 0) {
        s.flags |= SlabFlags.CMPXCHG_DOUBLE;
      }
      s.sysfsName = listedUnderOwnName(s) ? name : uniqueId(s);
      slabCaches.add(s);
      creationOrder.add(s);
      byName.put(name, s);
      return s;
    } finally {
      slabMutex.unlock();
    }
  }

  /** {@code calculate_sizes} plus the tunables, honouring {@code slub_debug=O}. */
  CacheGeometry geometry(int size, int align, int flags, ObjectCtor ctor, int order, int freeptr) {
    CacheGeometry g =
        Sizing.calculateSizes(size, align, flags, ctor != null, order, freeptr, params);
    if (slubDebug.disableForHigherOrder() && (flags & SlabFlags.DEBUG_FLAGS) != 0) {
      g = Sizing.applyDebugOrderRule(g, ctor != null, freeptr, params);
    }
    return g;
  }

  /** {@code find_mergeable} (mm/slab_common.c): oldest root cache first. */
  private KmemCache findMergeable(int size, int align, int flags) {
    if ((flags & SlabFlags.NEVER_MERGE) != 0) {
      return null;
    }
    int sz = (size + 7) & ~7;
    int a = Sizing.calculateAlignment(flags, align, sz);
    sz = (sz + a - 1) & -a;
    for (KmemCache s : creationOrder) {
      if (unmergeable(s)) {
        continue;
      }
      if (sz > s.size
          || (flags & SlabFlags.MERGE_SAME) != (s.flags & SlabFlags.MERGE_SAME)
          || (s.size & ~-a) != 0
          || s.size - sz >= 8) {
        continue;
      }
      return s;
    }
    return null;
  }

  /** {@code slab_unmergeable}. */
  static boolean unmergeable(KmemCache s) {
    return (s.flags & SlabFlags.NEVER_MERGE) != 0
        || s.ctor != null
        || s.mobility != null
        || s.usersize != 0
        || s.refcount < 0;
  }

  /**
   * Whether sysfs lists the cache under its own name rather than a generated {@code :} id ({@code
   * sysfs_slab_add}): {@code slab_unmergeable} (which starts with {@code slab_nomerge}), or {@code
   * slub_debug} has {@code O} together with a metadata flag.
   */
  public boolean listedUnderOwnName(KmemCache s) {
    return nomerge
        || unmergeable(s)
        || (slubDebug.disableForHigherOrder()
            && (slubDebug.flags() & SlabFlags.DEBUG_METADATA_FLAGS) != 0);
  }

  /**
   * {@code create_unique_id}: {@code :}, the letters {@code d} (DMA), {@code D} (DMA32), {@code a}
   * (reclaim), {@code F} (consistency checks), {@code A} (account), a {@code -} after any letter,
   * then the slot size in 7 zero-padded digits.
   */
  static String uniqueId(KmemCache s) {
    StringBuilder id = new StringBuilder(":");
    int[] flag = {
      SlabFlags.CACHE_DMA,
      SlabFlags.CACHE_DMA32,
      SlabFlags.RECLAIM_ACCOUNT,
      SlabFlags.CONSISTENCY_CHECKS,
      SlabFlags.ACCOUNT
    };
    String letter = "dDaFA";
    for (int i = 0; i < flag.length; i++) {
      if ((s.flags & flag[i]) != 0) {
        id.append(letter.charAt(i));
      }
    }
    if (id.length() > 1) {
      id.append('-');
    }
    return id.append(String.format("%07d", s.size)).toString();
  }

  /**
   * {@code kmem_cache_destroy}: drops one reference; the last one shrinks the cache and fails,
   * logging the kernel's message, when objects remain.
   */
  public void destroyCache(KmemCache s) {
    slabMutex.lock();
    try {
      byName.values().removeIf(c -> c == s);
      if (--s.refcount > 0) {
        return;
      }
      s.flushAll();
      MainlineShrink.discardEmpty(s);
      long live = 0;
      for (CacheNode n : s.node) {
        live += n.nrSlabs();
      }
      if (live > 0) {
        log.printk("kmem_cache_destroy " + s.name + ": Slab cache still has objects");
        dev.slubsmo.debug.SlubDebug.reportRemaining(s);
      }
      slabCaches.remove(s);
      creationOrder.remove(s);
    } finally {
      slabMutex.unlock();
    }
  }

  /** The cache registered under {@code name} (its own or an alias), or null. */
  public KmemCache cache(String name) {
    slabMutex.lock();
    try {
      return byName.get(name);
    } finally {
      slabMutex.unlock();
    }
  }

  /** Every name with the cache it stands for, aliases included, in creation order. */
  public Map<String, KmemCache> names() {
    slabMutex.lock();
    try {
      return new LinkedHashMap<>(byName);
    } finally {
      slabMutex.unlock();
    }
  }

  /** {@code slab_caches} in list order (movable caches first once SMO moved them to the head). */
  public List<KmemCache> caches() {
    slabMutex.lock();
    try {
      return List.copyOf(slabCaches);
    } finally {
      slabMutex.unlock();
    }
  }

  /** SMO: moves a cache to the head of {@code slab_caches}; {@code slab_mutex} held. */
  public void moveToHead(KmemCache s) {
    slabCaches.remove(s);
    slabCaches.add(0, s);
  }
}
