package dev.slubsmo.slab;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PageAllocator;
import dev.slubsmo.mm.PhysicalMemory;

/**
 * {@code kmalloc}/{@code kfree} (spec 2.5): size classes 8..8k with 96 and 192, the normal,
 * reclaimable ({@code kmalloc-rcl-}) and DMA ({@code dma-kmalloc-}) families, and the page
 * allocator above 8 KiB.
 */
public final class Kmalloc {
  /** {@code ZERO_SIZE_PTR}. */
  public static final long ZERO_SIZE_PTR = 16;

  public static final int MAX_CACHE_SIZE = 8192;
  private static final String[] PREFIX = {"kmalloc-", "kmalloc-rcl-", "dma-kmalloc-"};

  private final Slub slub;
  private final KmemCache[][] caches = new KmemCache[3][14];

  /** The owner of a {@code kmalloc_large} block: a compound page that is not a slab. */
  record LargeBlock(int order) {}

  Kmalloc(Slub slub) {
    this.slub = slub;
  }

  /** {@code create_kmalloc_caches}: 8, 16, 32, 64, 96, 128, 192, 256 ... 8k per family. */
  public void createCaches() {
    for (int type = 0; type < PREFIX.length; type++) {
      for (int i = 3; i <= 13; i++) {
        create(type, i);
        if (i == 6) {
          create(type, 1);
        }
        if (i == 7) {
          create(type, 2);
        }
      }
    }
  }

  private void create(int type, int index) {
    int size = Sizing.kmallocSize(index);
    int flags = type == 1 ? SlabFlags.RECLAIM_ACCOUNT : type == 2 ? SlabFlags.CACHE_DMA : 0;
    int align = Sizing.kmallocAlign(size, slub.params.profile());
    int usersize = type == 2 ? 0 : size;
    caches[type][index] =
        slub.createCache(
            Sizing.kmallocName(PREFIX[type], size), size, align, flags, null, usersize, -1);
  }

  /** The cache serving {@code size} bytes with {@code gfp}, or null above 8 KiB or for 0. */
  public KmemCache cacheFor(long size, int gfp) {
    int index = Sizing.kmallocIndex(size);
    if (index <= 0) {
      return null;
    }
    int type = (gfp & Gfp.DMA) != 0 ? 2 : (gfp & Gfp.RECLAIMABLE) != 0 ? 1 : 0;
    return caches[type][index];
  }

  /** {@code __kmalloc_node}: {@code ZERO_SIZE_PTR} for 0, pages above 8 KiB. */
  public long kmalloc(Cpu cpu, long size, int gfp, int node) {
    if (size == 0) {
      return ZERO_SIZE_PTR;
    }
    if (size > MAX_CACHE_SIZE) {
      int order = dev.slubsmo.slab.Oo.getOrder(size);
      int preferred = node == KmemCache.NO_NODE ? cpu.node() : node;
      long pfn = slub.pages.allocPages(order, preferred, (gfp & Gfp.THISNODE) != 0);
      if (pfn < 0) {
        return 0;
      }
      slub.pages.setOwner(pfn, order, new LargeBlock(order));
      return PhysicalMemory.pfnToAddress(pfn);
    }
    KmemCache s = cacheFor(size, gfp);
    return node == KmemCache.NO_NODE ? s.alloc(cpu, gfp) : s.allocNode(cpu, gfp, node);
  }

  /** {@code kfree}: null and {@code ZERO_SIZE_PTR} are ignored. */
  public void kfree(Cpu cpu, long object) {
    if (object == 0 || object == ZERO_SIZE_PTR) {
      return;
    }
    Object owner = slub.pages.ownerOf(object);
    if (owner instanceof LargeBlock block) {
      long pfn = slub.memory.addressToPfn(object);
      if ((object & (PageAllocator.PAGE_SIZE - 1)) != 0) {
        throw new SlabError(String.format("kfree: 0x%016x is inside a page block", object));
      }
      slub.pages.freePages(pfn, block.order());
      return;
    }
    if (!(owner instanceof Slab page)) {
      throw new SlabError(String.format("kfree: no slab or page block at 0x%016x", object));
    }
    page.cache.free(cpu, object);
  }

  /** {@code ksize}: the usable size of a kmalloc object. */
  public long ksize(long object) {
    Object owner = slub.pages.ownerOf(object);
    if (owner instanceof LargeBlock block) {
      return (long) PageAllocator.PAGE_SIZE << block.order();
    }
    if (owner instanceof Slab page) {
      return page.cache.objectSize;
    }
    throw new SlabError(String.format("ksize: 0x%016x is not allocated", object));
  }
}
