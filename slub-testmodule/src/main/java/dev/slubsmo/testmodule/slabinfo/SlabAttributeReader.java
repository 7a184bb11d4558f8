package dev.slubsmo.testmodule.slabinfo;

import java.util.Arrays;

/**
 * Reads one cache directory the way {@code read_slab_dir()} does: every attribute through {@code
 * get_obj()} (first line, {@code atol}, 0 when missing), {@code slabs} and {@code partial} through
 * {@code get_obj_and_str()} with their {@code N<node>=<count>} suffixes decoded per node.
 */
final class SlabAttributeReader {
  private static final int BUFFER_SIZE = 4096;

  private final SlabSysfs sysfs;
  private final SlabinfoDialect dialect;
  private int highestNode;

  SlabAttributeReader(SlabSysfs sysfs, SlabinfoDialect dialect) {
    this.sysfs = sysfs;
    this.dialect = dialect;
  }

  /** The highest NUMA node any {@code slabs} or {@code partial} file has named so far. */
  int highestNode() {
    return highestNode;
  }

  /** Mirrors the {@code DT_DIR} branch of {@code read_slab_dir()}. */
  SlabCacheInfo readCache(String dir) {
    SlabCacheInfo s = new SlabCacheInfo(dir);
    s.aliases = (int) getObj(dir, "aliases");
    s.align = (int) getObj(dir, "align");
    s.cacheDma = (int) getObj(dir, "cache_dma");
    s.cpuSlabs = (int) getObj(dir, "cpu_slabs");
    s.destroyByRcu = (int) getObj(dir, "destroy_by_rcu");
    s.hwcacheAlign = (int) getObj(dir, "hwcache_align");
    s.objectSize = (int) getObj(dir, "object_size");
    s.objects = getObj(dir, "objects");
    s.objectsPartial = getObj(dir, "objects_partial");
    s.objsPerSlab = (int) getObj(dir, "objs_per_slab");
    s.order = (int) getObj(dir, "order");
    s.partial = getObjAndNodes(dir, "partial", s.numaPartial);
    s.poison = (int) getObj(dir, "poison");
    s.reclaimAccount = (int) getObj(dir, "reclaim_account");
    s.redZone = (int) getObj(dir, "red_zone");
    s.sanityChecks = (int) getObj(dir, "sanity_checks");
    s.slabSize = (int) getObj(dir, "slab_size");
    s.slabs = getObjAndNodes(dir, "slabs", s.numa);
    s.storeUser = (int) getObj(dir, "store_user");
    s.trace = (int) getObj(dir, "trace");
    readStatistics(s, dir);
    if (dialect == SlabinfoDialect.SMO) {
      readMobility(s, dir);
    }
    return s;
  }

  /** The {@code CONFIG_SLUB_STATS} counters; each is 0 when its file is missing. */
  private void readStatistics(SlabCacheInfo s, String dir) {
    s.allocFastpath = getObj(dir, "alloc_fastpath");
    s.allocSlowpath = getObj(dir, "alloc_slowpath");
    s.freeFastpath = getObj(dir, "free_fastpath");
    s.freeSlowpath = getObj(dir, "free_slowpath");
    s.freeFrozen = getObj(dir, "free_frozen");
    s.freeAddPartial = getObj(dir, "free_add_partial");
    s.freeRemovePartial = getObj(dir, "free_remove_partial");
    s.allocFromPartial = getObj(dir, "alloc_from_partial");
    s.allocSlab = getObj(dir, "alloc_slab");
    s.allocRefill = getObj(dir, "alloc_refill");
    s.freeSlab = getObj(dir, "free_slab");
    s.cpuslabFlush = getObj(dir, "cpuslab_flush");
    s.deactivateFull = getObj(dir, "deactivate_full");
    s.deactivateEmpty = getObj(dir, "deactivate_empty");
    s.deactivateToHead = getObj(dir, "deactivate_to_head");
    s.deactivateToTail = getObj(dir, "deactivate_to_tail");
    s.deactivateRemoteFrees = getObj(dir, "deactivate_remote_frees");
    s.orderFallback = getObj(dir, "order_fallback");
    s.cmpxchgDoubleCpuFail = getObj(dir, "cmpxchg_double_cpu_fail");
    s.cmpxchgDoubleFail = getObj(dir, "cmpxchg_double_fail");
    s.cpuPartialAlloc = getObj(dir, "cpu_partial_alloc");
    s.cpuPartialFree = getObj(dir, "cpu_partial_free");
    s.allocNodeMismatch = getObj(dir, "alloc_node_mismatch");
    s.deactivateBypass = getObj(dir, "deactivate_bypass");
  }

  /** SMO patches 02, 05 and 06: the ratios, and {@code ctor}/{@code movable} from {@code ops}. */
  private void readMobility(SlabCacheInfo s, String dir) {
    s.remoteNodeDefragRatio = (int) getObj(dir, "remote_node_defrag_ratio");
    s.defragUsedRatio = (int) getObj(dir, "defrag_used_ratio");
    String ops = cString(readSlabObj(sysfs, dir, "ops"));
    s.ctor = ops.contains("ctor :");
    s.movable = ops.contains("migrate :");
  }

  /** Mirrors {@code read_obj()}: the first line, at most 4095 characters, without its newline. */
  private String readObj(String cache, String attribute) {
    String text = sysfs.read(cache, attribute).orElse("");
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline + 1);
    line = cString(line.substring(0, Math.min(line.length(), BUFFER_SIZE - 1)));
    return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
  }

  /**
   * Mirrors {@code read_slab_obj()}: the file's first 4096 characters; the tool tests that for
   * being empty but prints only up to a NUL ({@link #cString}).
   */
  static String readSlabObj(SlabSysfs sysfs, String cache, String attribute) {
    String text = sysfs.read(cache, attribute).orElse("");
    return text.substring(0, Math.min(text.length(), BUFFER_SIZE));
  }

  /** Mirrors {@code get_obj()}: {@code atol} of the first line, 0 when it is empty. */
  private long getObj(String cache, String attribute) {
    String line = readObj(cache, attribute);
    return line.isEmpty() ? 0 : LibcNumbers.atol(line);
  }

  /** Mirrors {@code get_obj_and_str()} followed by {@code decode_numa_list()}. */
  private long getObjAndNodes(String cache, String attribute, int[] nodes) {
    Arrays.fill(nodes, 0);
    String line = readObj(cache, attribute);
    if (line.isEmpty()) {
      return 0;
    }
    LibcNumbers.Parsed total = LibcNumbers.strtoul(line, 0);
    int i = total.end();
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    decodeNumaList(nodes, line, i);
    return total.value();
  }

  /** Mirrors {@code decode_numa_list()}: {@code N<node>=<count>} pairs separated by spaces. */
  private void decodeNumaList(int[] nodes, String t, int from) {
    int i = from;
    while (i < t.length() && t.charAt(i) == 'N') {
      LibcNumbers.Parsed node = LibcNumbers.strtoul(t, i + 1);
      i = node.end();
      if (i < t.length() && t.charAt(i) == '=') {
        LibcNumbers.Parsed count = LibcNumbers.strtoul(t, i + 1);
        i = count.end();
        int n = (int) node.value();
        if (n >= 0 && n < SlabCacheInfo.MAX_NODES) {
          nodes[n] = (int) count.value();
          highestNode = Math.max(highestNode, n);
        }
      }
      while (i < t.length() && t.charAt(i) == ' ') {
        i++;
      }
    }
  }

  /** The text up to its first NUL, as C string functions see it. */
  static String cString(String s) {
    int nul = s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }
}
