package dev.slubsmo.slab;

import java.util.Objects;

/**
 * SLUB cache sizing: {@code calculate_alignment}, {@code calculate_sizes}, {@code
 * calculate_order}/{@code slab_order}, the tunables set by {@code kmem_cache_open}, and the kmalloc
 * size classes (spec slub-model.md 2.1-2.5, 2.7, 10.1).
 *
 * <p>A slot is laid out as: left red zone, object rounded up to a word, a right red-zone word when
 * the object filled its words exactly, the free pointer when the object must stay intact while free
 * (RCU, poison, ctor), two {@code struct track}s, a trailing pad word under red zoning, then
 * padding to the alignment. Invariants of the result: {@code objectSize <= inuse <= size}, {@code
 * size % align == 0}, {@code offset} is 0 or {@code inuse} (or, under {@link GeometryProfile#V6}, a
 * declared RCU free-pointer offset inside the object), and the preferred order holds {@code
 * (PAGE_SIZE << order) / size} objects, at least one. The order is the smallest one from which a
 * slab holds {@code min_objects} (4 * (fls(nr_cpu_ids) + 1)) slots and wastes at most 1/16, then
 * 1/8, then 1/4 of itself, relaxing {@code min_objects} one by one.
 */
public final class Sizing {
  /** {@code sizeof(void *)}: free pointers and red-zone words. */
  public static final int WORD = 8;

  /** {@code cache_line_size()} of the modelled machine. */
  public static final int CACHE_LINE_SIZE = 64;

  /** {@code ARCH_SLAB_MINALIGN} and {@code ARCH_KMALLOC_MINALIGN}. */
  public static final int ARCH_SLAB_MINALIGN = 8;

  /** {@code sizeof(struct track)}: addr, 16 stack addresses, cpu, pid, when. */
  public static final int TRACK_SIZE = 152;

  public static final int MIN_PARTIAL = 5;
  public static final int MAX_PARTIAL = 10;

  /** {@code KMALLOC_SHIFT_HIGH}: the largest kmalloc class is {@code 1 << 13} = 8 KiB. */
  public static final int KMALLOC_SHIFT_HIGH = Oo.PAGE_SHIFT + 1;

  public static final int KMALLOC_MAX_CACHE_SIZE = 1 << KMALLOC_SHIFT_HIGH;

  /** What {@link #calculateOrder} returns when no order fits ({@code -ENOSYS}). */
  public static final int ENOSYS = -38;

  private static final int LARGEST_SLAB = Oo.PAGE_SIZE << (Oo.MAX_ORDER - 1);

  private Sizing() {}

  /** The alignment a cache gets for a requested one; mirrors {@code calculate_alignment}. */
  public static int calculateAlignment(int flags, int align, int size) {
    if (align != 0 && !isPowerOfTwo(align)) {
      throw new IllegalArgumentException(
          "calculateAlignment: align " + align + " is neither 0 nor a power of two");
    }
    if (size < 1) {
      throw new IllegalArgumentException("calculateAlignment: size " + size + " is not positive");
    }
    if (SlabFlags.has(flags, SlabFlags.HWCACHE_ALIGN)) {
      int ralign = CACHE_LINE_SIZE;
      while (size <= ralign / 2) {
        ralign /= 2;
      }
      align = Math.max(align, ralign);
    }
    return alignUp(Math.max(align, ARCH_SLAB_MINALIGN), WORD);
  }

  /**
   * The first order from {@code max(slub_min_order, get_order(minObjects * size))} to {@code
   * maxOrder} that leaves at most {@code 1/fract} of the slab unused; a value above {@code
   * maxOrder} if none does. Mirrors {@code slab_order}.
   */
  public static int slabOrder(int size, int minObjects, int maxOrder, int fract, SizingParams p) {
    requirePositive("slabOrder", "size", size);
    requirePositive("slabOrder", "minObjects", minObjects);
    requirePositive("slabOrder", "fract", fract);
    if (maxOrder < 0 || maxOrder > Oo.MAX_ORDER) {
      throw new IllegalArgumentException(
          "slabOrder: maxOrder " + maxOrder + " outside 0.." + Oo.MAX_ORDER);
    }
    int minOrder = p.slubMinOrder();
    if (Oo.orderObjects(minOrder, size) > Oo.MAX_OBJS_PER_PAGE) {
      return Oo.getOrder((long) size * Oo.MAX_OBJS_PER_PAGE) - 1;
    }
    int order = Math.max(minOrder, Oo.getOrder((long) minObjects * size));
    for (; order <= maxOrder; order++) {
      int slabSize = Oo.PAGE_SIZE << order;
      if (slabSize % size <= slabSize / fract) {
        break;
      }
    }
    return order;
  }

  /**
   * The preferred slab order for a slot size, or {@link #ENOSYS}; mirrors {@code calculate_order}.
   */
  public static int calculateOrder(int size, SizingParams p) {
    requirePositive("calculateOrder", "size", size);
    int maxOrder = p.slubMaxOrder();
    int minObjects = p.slubMinObjects();
    if (minObjects == 0) {
      minObjects = 4 * (Oo.fls(p.nrCpuIds()) + 1);
    }
    minObjects = Math.min(minObjects, Oo.orderObjects(maxOrder, size));
    for (; minObjects > 1; minObjects--) {
      for (int fract = 16; fract >= 4; fract /= 2) {
        int order = slabOrder(size, minObjects, maxOrder, fract, p);
        if (order <= maxOrder) {
          return order;
        }
      }
    }
    int order = slabOrder(size, 1, maxOrder, 1, p);
    if (order <= maxOrder) {
      return order;
    }
    order = slabOrder(size, 1, Oo.MAX_ORDER, 1, p);
    return order < Oo.MAX_ORDER ? order : ENOSYS;
  }

  /**
   * The geometry of a new cache: mirrors {@code calculate_sizes} followed by the tunables of {@code
   * kmem_cache_open} ({@code set_min_partial}, {@code set_cpu_partial}). The {@code slub_debug=O}
   * rule is not applied here: call {@link #applyDebugOrderRule} on the result when it is on.
   *
   * @param objectSize the requested object size
   * @param align the cache's alignment as {@link #calculateAlignment} computed it (a power of two,
   *     at least 8): the caller runs it first, as {@code kmem_cache_create} does
   * @param flags {@code SLAB_*} flags; {@code __OBJECT_POISON} is recomputed, other bits pass
   * @param ctor whether the cache has a constructor
   * @param forcedOrder the slab order to use, or -1 to let {@link #calculateOrder} choose
   * @param freeptrOffset {@code kmem_cache_args.freeptr_offset}, or -1 for none; only a {@code
   *     SLAB_TYPESAFE_BY_RCU} cache may declare one (word-aligned, inside the object), and only
   *     {@link GeometryProfile#V6} without ctor or poison uses it to keep the free pointer inside
   * @return the geometry, with {@code offset} 0 where the kernel leaves it unwritten; the tunables
   *     are those of a new cache (a later {@code calculate_sizes} in the kernel keeps the old ones)
   */
  public static CacheGeometry calculateSizes(
      int objectSize,
      int align,
      int flags,
      boolean ctor,
      int forcedOrder,
      int freeptrOffset,
      SizingParams p) {
    Objects.requireNonNull(p, "calculateSizes: params");
    if (objectSize < 1 || objectSize > LARGEST_SLAB) {
      throw new IllegalArgumentException(
          "calculateSizes: objectSize " + objectSize + " outside 1.." + LARGEST_SLAB);
    }
    if (align < ARCH_SLAB_MINALIGN || align > LARGEST_SLAB || !isPowerOfTwo(align)) {
      throw new IllegalArgumentException(
          "calculateSizes: align "
              + align
              + " is not a power of two in "
              + ARCH_SLAB_MINALIGN
              + ".."
              + LARGEST_SLAB
              + " (pass the result of calculateAlignment)");
    }
    if (forcedOrder < -1 || forcedOrder >= Oo.MAX_ORDER) {
      throw new IllegalArgumentException(
          "calculateSizes: forcedOrder " + forcedOrder + " outside -1.." + (Oo.MAX_ORDER - 1));
    }
    boolean rcu = SlabFlags.has(flags, SlabFlags.TYPESAFE_BY_RCU);
    checkFreeptrOffset(freeptrOffset, objectSize, rcu);

    int size = alignUp(objectSize, WORD);
    if (SlabFlags.has(flags, SlabFlags.POISON) && !rcu && !ctor) {
      flags |= SlabFlags.OBJECT_POISON;
    } else {
      flags &= ~SlabFlags.OBJECT_POISON;
    }
    boolean redZone = SlabFlags.has(flags, SlabFlags.RED_ZONE);
    if (redZone && size == objectSize) {
      size += WORD;
    }
    int inuse = size;
    boolean freeptrInside =
        p.profile() == GeometryProfile.V6
            && freeptrOffset >= 0
            && !ctor
            && !SlabFlags.has(flags, SlabFlags.POISON);
    int offset = 0;
    if ((rcu && !freeptrInside) || SlabFlags.has(flags, SlabFlags.POISON) || ctor) {
      offset = size;
      size += WORD;
    } else if (freeptrInside) {
      offset = freeptrOffset;
    }
    if (SlabFlags.has(flags, SlabFlags.STORE_USER)) {
      size += 2 * TRACK_SIZE;
    }
    int redLeftPad = 0;
    if (redZone) {
      size += WORD;
      redLeftPad = alignUp(WORD, align);
      size += redLeftPad;
    }
    size = alignUp(size, align);

    int order = forcedOrder >= 0 ? forcedOrder : calculateOrder(size, p);
    if (order < 0) {
      throw new IllegalArgumentException(
          "calculateSizes: no slab order up to "
              + (Oo.MAX_ORDER - 1)
              + " fits a "
              + size
              + "-byte slot (object "
              + objectSize
              + ")");
    }
    int objects = Oo.orderObjects(order, size);
    if (objects < 1) {
      throw new IllegalArgumentException(
          "calculateSizes: an order-" + order + " slab holds no " + size + "-byte slot");
    }
    int minOrder = Oo.getOrder(size);
    return new CacheGeometry(
        objectSize,
        size,
        inuse,
        offset,
        align,
        redLeftPad,
        flags,
        Oo.make(order, objects),
        Oo.make(minOrder, Oo.orderObjects(minOrder, size)),
        minPartial(size),
        cpuPartial(size, flags, p.profile()));
  }

  /**
   * The {@code slub_debug=O} rule of {@code kmem_cache_open}: if the metadata raised the minimum
   * order above the object's own, drop red zone, poison and store-user, reset the free-pointer
   * offset and size the cache again (consistency checks and tracing stay). Returns {@code g} itself
   * when the order was not raised. {@code g} is the result of {@link #calculateSizes} for a new
   * cache; {@code ctor}, {@code freeptrOffset} and {@code p} are what it was given.
   */
  public static CacheGeometry applyDebugOrderRule(
      CacheGeometry g, boolean ctor, int freeptrOffset, SizingParams p) {
    if (Oo.getOrder(g.size()) <= Oo.getOrder(g.objectSize())) {
      return g;
    }
    return calculateSizes(
        g.objectSize(),
        g.align(),
        g.flags() & ~SlabFlags.DEBUG_METADATA_FLAGS,
        ctor,
        -1,
        freeptrOffset,
        p);
  }

  /** {@code ilog2(size) / 2} clamped to 5..10; mirrors {@code set_min_partial}. */
  public static int minPartial(int size) {
    requirePositive("minPartial", "size", size);
    int ilog2 = Oo.fls(size) - 1;
    return Math.min(MAX_PARTIAL, Math.max(MIN_PARTIAL, ilog2 / 2));
  }

  /**
   * The per-CPU partial cap in objects, 0 for a debug cache; mirrors {@code set_cpu_partial}:
   * 30/13/6/2 in v5.0 and 120/52/24/6 in 6.x below 256 bytes / 1 KiB / a page / from a page.
   */
  public static int cpuPartial(int size, int flags, GeometryProfile profile) {
    requirePositive("cpuPartial", "size", size);
    if (SlabFlags.has(flags, SlabFlags.DEBUG_FLAGS)) {
      return 0;
    }
    boolean v6 = profile == GeometryProfile.V6;
    if (size >= Oo.PAGE_SIZE) {
      return v6 ? 6 : 2;
    }
    if (size >= 1024) {
      return v6 ? 24 : 6;
    }
    if (size >= 256) {
      return v6 ? 52 : 13;
    }
    return v6 ? 120 : 30;
  }

  /**
   * The kmalloc class index for a request: 0 for 0 bytes, 1 for the 96-byte class, 2 for the
   * 192-byte class, else log2 of the class size; -1 above {@link #KMALLOC_MAX_CACHE_SIZE}. Mirrors
   * {@code kmalloc_index}.
   */
  public static int kmallocIndex(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("kmallocIndex: size " + size + " is negative");
    }
    if (size == 0) {
      return 0;
    }
    if (size > KMALLOC_MAX_CACHE_SIZE) {
      return -1;
    }
    if (size > 64 && size <= 96) {
      return 1;
    }
    if (size > 128 && size <= 192) {
      return 2;
    }
    if (size <= ARCH_SLAB_MINALIGN) {
      return 3;
    }
    return Oo.fls((int) size - 1);
  }

  /** The class size of a kmalloc index (0 for index 0); mirrors {@code kmalloc_size}. */
  public static int kmallocSize(int index) {
    if (index < 0 || index > KMALLOC_SHIFT_HIGH) {
      throw new IllegalArgumentException(
          "kmallocSize: index " + index + " outside 0.." + KMALLOC_SHIFT_HIGH);
    }
    return switch (index) {
      case 0 -> 0;
      case 1 -> 96;
      case 2 -> 192;
      default -> 1 << index;
    };
  }

  /**
   * The cache name of a kmalloc class: the family prefix ({@code kmalloc}, {@code kmalloc-rcl},
   * {@code dma-kmalloc}, ..., with or without its trailing dash), one dash, then the size with
   * {@code k} for KiB: {@code kmalloc-96}, {@code kmalloc-1k}, {@code dma-kmalloc-8k}.
   */
  public static String kmallocName(String prefix, int size) {
    if (prefix == null || prefix.isEmpty()) {
      throw new IllegalArgumentException("kmallocName: prefix is empty");
    }
    requireKmallocClass("kmallocName", size);
    String sizePart = size >= 1024 ? (size >> 10) + "k" : Integer.toString(size);
    return prefix.endsWith("-") ? prefix + sizePart : prefix + "-" + sizePart;
  }

  /**
   * The alignment requested for a kmalloc class's cache: {@code ARCH_KMALLOC_MINALIGN} in v5.0; in
   * 6.x the largest power of two dividing the class size (so 96 gets 32 and 8k gets 8192, uncapped
   * as in the snapshot), as {@code create_boot_cache} does for {@code SLAB_KMALLOC}.
   */
  public static int kmallocAlign(int size, GeometryProfile p) {
    requireKmallocClass("kmallocAlign", size);
    if (p == GeometryProfile.V5_0) {
      return ARCH_SLAB_MINALIGN;
    }
    return Math.max(ARCH_SLAB_MINALIGN, Integer.lowestOneBit(size));
  }

  private static void requireKmallocClass(String where, int size) {
    boolean powerClass = isPowerOfTwo(size) && size >= 8 && size <= KMALLOC_MAX_CACHE_SIZE;
    if (!powerClass && size != 96 && size != 192) {
      throw new IllegalArgumentException(
          where + ": " + size + " is not a kmalloc class size (8..8192 powers of two, 96, 192)");
    }
  }

  private static void checkFreeptrOffset(int freeptrOffset, int objectSize, boolean rcu) {
    if (freeptrOffset == -1) {
      return;
    }
    if (!rcu) {
      throw new IllegalArgumentException(
          "calculateSizes: freeptrOffset " + freeptrOffset + " needs SLAB_TYPESAFE_BY_RCU");
    }
    if (freeptrOffset < 0 || freeptrOffset >= objectSize || freeptrOffset % WORD != 0) {
      throw new IllegalArgumentException(
          "calculateSizes: freeptrOffset "
              + freeptrOffset
              + " is not -1 or a word-aligned offset inside the "
              + objectSize
              + "-byte object");
    }
  }

  private static void requirePositive(String where, String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(where + ": " + what + " " + value + " is not positive");
    }
  }

  private static boolean isPowerOfTwo(int x) {
    return x > 0 && (x & (x - 1)) == 0;
  }

  private static int alignUp(int x, int a) {
    return (x + a - 1) & -a;
  }
}
