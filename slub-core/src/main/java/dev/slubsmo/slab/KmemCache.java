package dev.slubsmo.slab;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.smo.Mobility;

/**
 * A slab cache ({@code struct kmem_cache}): geometry, tunables, per-CPU and per-node state, and the
 * entry points {@link #alloc}, {@link #allocNode} and {@link #free}.
 */
public final class KmemCache {
  /** {@code NUMA_NO_NODE}. */
  public static final int NO_NODE = -1;

  final Slub slub;
  final String name;
  final ObjectCtor ctor;
  final CacheCpu[] cpuSlab;
  final CacheNode[] node;

  volatile int flags;
  int objectSize;
  int size;
  int inuse;
  int offset;
  int align;
  int redLeftPad;
  volatile int oo;
  int min;
  int max;
  volatile int minPartial;
  volatile int cpuPartial;
  int remoteNodeDefragRatio = 1000;
  int useroffset;
  int usersize;
  int refcount = 1;
  int allocflags;
  volatile int defragUsedRatio = 30;
  volatile Mobility mobility;
  volatile FaultAttr failslab;

  /**
   * {@code kmem_cache_args.freeptr_offset} as created, or -1; {@code calculate_sizes} reuses it.
   */
  int freeptrOffset = -1;

  /** The sysfs directory name, fixed when the cache was registered ({@code sysfs_slab_add}). */
  String sysfsName;

  KmemCache(Slub slub, String name, ObjectCtor ctor, CacheGeometry g, int usersize) {
    this.slub = slub;
    this.name = name;
    this.ctor = ctor;
    this.usersize = usersize;
    applyGeometry(g);
    this.max = oo;
    this.minPartial = g.minPartial();
    this.cpuPartial = g.cpuPartial();
    int cpus = slub.cpuCount();
    this.cpuSlab = new CacheCpu[cpus];
    for (int c = 0; c < cpus; c++) {
      cpuSlab[c] = new CacheCpu(c);
    }
    this.node = new CacheNode[slub.nodeCount()];
    for (int n = 0; n < node.length; n++) {
      node[n] = new CacheNode(n);
    }
  }

  /** Installs the result of {@code calculate_sizes}; {@code max} only grows. */
  void applyGeometry(CacheGeometry g) {
    objectSize = g.objectSize();
    size = g.size();
    inuse = g.inuse();
    offset = g.offset();
    align = g.align();
    redLeftPad = g.redLeftPad();
    flags = g.flags() | (flags & SlabFlags.CMPXCHG_DOUBLE);
    oo = g.oo();
    min = g.min();
    if (Oo.objects(oo) > Oo.objects(max)) {
      max = oo;
    }
    allocflags = 0;
    if ((flags & SlabFlags.CACHE_DMA) != 0) {
      allocflags |= Gfp.DMA;
    }
    if ((flags & SlabFlags.RECLAIM_ACCOUNT) != 0) {
      allocflags |= Gfp.RECLAIMABLE;
    }
  }

  // ---- entry points ----

  /** {@code kmem_cache_alloc}: an object, or 0 when memory (or failslab) says no. */
  public long alloc(Cpu cpu, int gfp) {
    return AllocPath.slabAllocNode(this, cpu, gfp, NO_NODE);
  }

  /** {@code kmem_cache_alloc_node}. */
  public long allocNode(Cpu cpu, int gfp, int nid) {
    if (nid != NO_NODE && (nid < 0 || nid >= node.length)) {
      throw new IllegalArgumentException("no node " + nid + " (machine has " + node.length + ")");
    }
    return AllocPath.slabAllocNode(this, cpu, gfp, nid);
  }

  /** {@code kmem_cache_free}. */
  public void free(Cpu cpu, long object) {
    Slab page = slub.slabOf(object);
    if (page == null) {
      throw new SlabError("kmem_cache_free(" + name + "): no slab for object " + hex(object));
    }
    if (page.cache != this) {
      slub.log.printk(
          "cache_from_obj: Wrong slab cache. " + name + " but object is from " + page.cache.name);
    }
    FreePath.slabFree(page.cache, cpu, page, object, object, 1);
    FreeTracepoint probe = slub.freeProbe;
    if (probe != null) {
      probe.kmemCacheFree(page.cache, cpu, object);
    }
  }

  /**
   * {@code kmem_cache_shrink}: mainline or SMO per the machine's {@link ShrinkMode}; returns what
   * that {@code __kmem_cache_shrink} returns.
   */
  public int shrink(Cpu cpu) {
    if (slub.shrinkMode == ShrinkMode.MAINLINE) {
      return MainlineShrink.shrink(this);
    }
    return (int) dev.slubsmo.smo.Defrag.shrink(this, cpu, slub.placement()).partialLeft();
  }

  /** {@code flush_all}: every CPU's slab and chain back to the node lists. */
  public void flushAll() {
    Deactivate.flushAll(this);
  }

  // ---- geometry helpers (mm/slub.c inline helpers) ----

  /** Address of object {@code idx} of {@code s}, or 0 for -1. */
  long objectAddress(Slab s, int idx) {
    return idx < 0 ? 0 : s.base + redLeftPad + (long) idx * size;
  }

  /** Index of the object at {@code addr} in {@code s}. */
  int objectIndex(Slab s, long addr) {
    return (int) ((addr - s.base - redLeftPad) / size);
  }

  /** {@code get_freepointer}. */
  long getFreepointer(long object) {
    return slub.memory.readLong(object + offset);
  }

  /** {@code set_freepointer}. */
  void setFreepointer(long object, long fp) {
    slub.memory.writeLong(object + offset, fp);
  }

  /**
   * {@code cmpxchg_double_slab}: replaces the slab's state word if it still equals {@code expect}.
   * With {@code __CMPXCHG_DOUBLE} a compare-exchange; without, under {@code slab_lock}.
   */
  boolean cmpxchgSlab(Cpu cpu, Slab s, long expect, long update) {
    boolean ok;
    if ((flags & SlabFlags.CMPXCHG_DOUBLE) != 0) {
      ok = s.casState(expect, update);
    } else {
      s.lock();
      ok = s.state() == expect;
      if (ok) {
        s.setState(update);
      }
      s.unlock();
    }
    if (!ok) {
      stat(cpu, StatItem.CMPXCHG_DOUBLE_FAIL);
    }
    return ok;
  }

  /** {@code stat(s, item)} on the running CPU. */
  void stat(Cpu cpu, StatItem item) {
    cpuSlab[cpu.id()].stat[item.ordinal()]++;
  }

  /** Counts an event on the running CPU (SMO's counters use this). */
  public void count(Cpu cpu, StatItem item) {
    stat(cpu, item);
  }

  public void count(Cpu cpu, StatItem item, long n) {
    cpuSlab[cpu.id()].stat[item.ordinal()] += n;
  }

  /** {@code discard_slab}, for SMO's disposal step; the slab is on no list. */
  public void discardSlab(Slab page) {
    SlabPages.discardSlab(this, page);
  }

  /** SMO setup: callbacks installed, {@code __CMPXCHG_DOUBLE} dropped; slab_mutex held. */
  public void installMobility(Mobility m) {
    this.mobility = m;
    this.flags &= ~SlabFlags.CMPXCHG_DOUBLE;
  }

  public void setDefragUsedRatio(int ratio) {
    this.defragUsedRatio = ratio;
  }

  public void setFailslab(FaultAttr attr) {
    this.failslab = attr;
  }

  // ---- sysfs stores (mm/slub.c *_store); the caller checks the kernel's preconditions ----

  /** {@code set_min_partial}: clamped to {@code MIN_PARTIAL..MAX_PARTIAL}, compared unsigned. */
  public void setMinPartial(long min) {
    if (Long.compareUnsigned(min, Sizing.MIN_PARTIAL) < 0) {
      minPartial = Sizing.MIN_PARTIAL;
    } else if (Long.compareUnsigned(min, Sizing.MAX_PARTIAL) > 0) {
      minPartial = Sizing.MAX_PARTIAL;
    } else {
      minPartial = (int) min;
    }
  }

  /** {@code slub_set_cpu_partial}. */
  public void setCpuPartial(int objects) {
    if (objects < 0) {
      throw new IllegalArgumentException(name + ": cpu_partial " + objects + " is negative");
    }
    cpuPartial = objects;
  }

  /** Stores {@code remote_node_defrag_ratio} as the kernel keeps it (the sysfs value times 10). */
  public void setRemoteNodeDefragRatio(int stored) {
    if (stored < 0 || stored > 1000) {
      throw new IllegalArgumentException(
          name + ": remote_node_defrag_ratio " + stored + " outside 0..1000");
    }
    remoteNodeDefragRatio = stored;
  }

  /** Clears the {@code clear} bits of {@code s->flags}, then sets the {@code set} bits. */
  public void changeFlags(int clear, int set) {
    flags = (flags & ~clear) | set;
  }

  /**
   * {@code calculate_sizes(s, forcedOrder)} on a live cache: the slot layout, {@code oo}, {@code
   * min} and {@code max} follow the current flags; {@code min_partial} and {@code cpu_partial} stay
   * as they are, and existing slabs keep their geometry. Where the kernel leaves {@code offset}
   * unwritten (no RCU, poison or ctor), {@code keepStaleOffset} keeps the old value as the kernel
   * does (slub-model.md 2.1 step 5); otherwise it is reset to 0 as {@code kmem_cache_open} does.
   *
   * @throws IllegalArgumentException when no slot fits the order (nothing is changed)
   */
  public void recalculateSizes(int forcedOrder, boolean keepStaleOffset) {
    CacheGeometry g =
        Sizing.calculateSizes(
            objectSize, align, flags, ctor != null, forcedOrder, freeptrOffset, slub.params);
    int old = offset;
    applyGeometry(g);
    boolean written = ctor != null || (flags & (SlabFlags.TYPESAFE_BY_RCU | SlabFlags.POISON)) != 0;
    if (!written && keepStaleOffset) {
      offset = old;
    }
  }

  /** {@code clear_stat}: zeroes one counter on every CPU. */
  public void clearStat(StatItem item) {
    for (CacheCpu c : cpuSlab) {
      c.clearStat(item);
    }
  }

  /** {@code kmem_cache_debug(s)}. */
  public boolean debug() {
    return (flags & SlabFlags.DEBUG_FLAGS) != 0;
  }

  /** {@code kmem_cache_has_cpu_partial(s)}. */
  public boolean hasCpuPartial() {
    return !debug();
  }

  static String hex(long v) {
    return String.format("0x%016x", v);
  }

  // ---- accessors for views, checks and SMO ----

  public String name() {
    return name;
  }

  /** The directory under {@code /sys/kernel/slab}: the name itself or a {@code :} id. */
  public String sysfsName() {
    return sysfsName;
  }

  public Slub slub() {
    return slub;
  }

  public PhysicalMemory memory() {
    return slub.memory;
  }

  public ObjectCtor ctor() {
    return ctor;
  }

  public int flags() {
    return flags;
  }

  public int objectSize() {
    return objectSize;
  }

  public int size() {
    return size;
  }

  public int inuse() {
    return inuse;
  }

  public int offset() {
    return offset;
  }

  public int align() {
    return align;
  }

  public int redLeftPad() {
    return redLeftPad;
  }

  public int oo() {
    return oo;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  public int order() {
    return Oo.order(oo);
  }

  public int objsPerSlab() {
    return Oo.objects(oo);
  }

  public int minPartial() {
    return minPartial;
  }

  public int cpuPartial() {
    return cpuPartial;
  }

  public int remoteNodeDefragRatio() {
    return remoteNodeDefragRatio;
  }

  public int usersize() {
    return usersize;
  }

  public int useroffset() {
    return useroffset;
  }

  public int refcount() {
    return refcount;
  }

  public int defragUsedRatio() {
    return defragUsedRatio;
  }

  public Mobility mobility() {
    return mobility;
  }

  public FaultAttr failslab() {
    return failslab;
  }

  public CacheCpu cpuSlab(int cpu) {
    return cpuSlab[cpu];
  }

  public int cpuCount() {
    return cpuSlab.length;
  }

  public CacheNode node(int n) {
    return node[n];
  }

  public int nodeCount() {
    return node.length;
  }

  /**
   * The address of object {@code idx} in {@code s} ({@code fixup_red_left(s, base + idx*size)}).
   */
  public long object(Slab s, int idx) {
    return objectAddress(s, idx);
  }

  /** The index of {@code addr} in {@code s}; exact only for a valid object pointer. */
  public int indexOf(Slab s, long addr) {
    return objectIndex(s, addr);
  }

  /** The free pointer stored in a free object. */
  public long freepointer(long object) {
    return getFreepointer(object);
  }

  @Override
  public String toString() {
    return name;
  }
}
