package dev.slubsmo.sysfs;

import static dev.slubsmo.sysfs.Boot.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.SlabFlags;
import dev.slubsmo.slab.StatItem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Directory names, symlinks, listings and the errors of bad paths and bad writes. */
class SysfsPathTest {
  private final Machine m = Boot.plain();
  private final SysfsTree sysfs = Boot.sysfs(m);

  private static Errno errno(Executable e) {
    return assertThrows(SysfsException.class, e).errno();
  }

  @Test
  void unmergeableCachesAreDirectoriesUnderTheirOwnName() {
    assertTrue(sysfs.list(SysfsTree.ROOT).contains("kmalloc-64"));
    assertEquals(Errno.EINVAL, errno(() -> sysfs.readlink(SysfsTree.ROOT + "/kmalloc-64")));
  }

  @Test
  void mergeableCacheGetsAGeneratedIdAndItsNameIsASymlink() {
    assertTrue(sysfs.list(SysfsTree.ROOT).contains(":d-0000008"));
    assertEquals(":d-0000008", sysfs.readlink(SysfsTree.ROOT + "/dma-kmalloc-8"));
  }

  @Test
  void aliasIsASymlinkToTheSameDirectory() {
    m.slub().createCache("first", 64, 0, 0, null);
    m.slub().createCache("second", 64, 0, 0, null);
    assertEquals(":0000064", sysfs.readlink(SysfsTree.ROOT + "/first"));
    assertEquals(":0000064", sysfs.readlink(SysfsTree.ROOT + "/second"));
    assertEquals("1\n", sysfs.read(path(":0000064", "aliases")));
  }

  @Test
  void aliasPathReadsTheMergedCache() {
    KmemCache first = m.slub().createCache("first", 64, 0, 0, null);
    m.slub().createCache("second", 60, 0, 0, null);
    assertEquals(first.objectSize() + "\n", sysfs.read(path("second", "object_size")));
  }

  @Test
  void idLettersFollowTheKernelOrder() {
    Machine f =
        new Machine(
            MachineConfig.defaults(),
            MachineOptions.defaults().withSlubDebug(SlubDebugOption.parse("F")));
    f.slub().createCache("acct", 64, 0, SlabFlags.RECLAIM_ACCOUNT | SlabFlags.ACCOUNT, null);
    SysfsTree t = Boot.sysfs(f);
    assertEquals(":dF-0000008", t.readlink(SysfsTree.ROOT + "/dma-kmalloc-8"));
    assertEquals(":aFA-0000064", t.readlink(SysfsTree.ROOT + "/acct"));
  }

  @Test
  void nomergeListsEveryCacheUnderItsOwnName() {
    Machine n = new Machine(MachineConfig.defaults(), MachineOptions.defaults().withNomerge(true));
    assertTrue(Boot.sysfs(n).list(SysfsTree.ROOT).contains("dma-kmalloc-8"));
    assertFalse(Boot.sysfs(n).list(SysfsTree.ROOT).contains(":d-0000008"));
  }

  @Test
  void higherOrderDebugOptionListsEveryCacheUnderItsOwnName() {
    Machine o =
        new Machine(
            MachineConfig.defaults(),
            MachineOptions.defaults().withSlubDebug(SlubDebugOption.parse("ZO,nothing")));
    List<String> entries = Boot.sysfs(o).list(SysfsTree.ROOT);
    assertTrue(entries.contains("dma-kmalloc-8"));
    assertFalse(entries.stream().anyMatch(e -> e.startsWith(":")), entries::toString);
  }

  @Test
  void directoryNameStaysWhenFlagsChange() {
    m.slub().createCache("renamed", 64, 0, 0, null);
    sysfs.write(path("renamed", "sanity_checks"), "1");
    assertEquals(":0000064", sysfs.readlink(SysfsTree.ROOT + "/renamed"));
  }

  @Test
  void rootListingIsSortedAndHoldsEveryName() {
    List<String> entries = sysfs.list(SysfsTree.ROOT);
    List<String> sorted = new ArrayList<>(entries);
    sorted.sort(null);
    assertEquals(sorted, entries);
    assertTrue(entries.containsAll(m.slub().names().keySet()));
  }

  @Test
  void cacheListingHasOpsStatsAndSmoFilesButNoCtor() {
    List<String> files = sysfs.list(SysfsTree.ROOT + "/kmalloc-8");
    assertFalse(files.contains("ctor"));
    for (String f : List.of("ops", "move", "balance", "defrag_used_ratio", "failslab_times")) {
      assertTrue(files.contains(f), f);
    }
    for (StatItem item : StatItem.values()) {
      assertTrue(files.contains(item.fileName()), item.name());
    }
  }

  @Test
  void listingAFileIsEnotdir() {
    assertEquals(Errno.ENOTDIR, errno(() -> sysfs.list(path("kmalloc-8", "order"))));
  }

  @Test
  void readingADirectoryIsEisdir() {
    assertEquals(Errno.EISDIR, errno(() -> sysfs.read(SysfsTree.ROOT)));
    assertEquals(Errno.EISDIR, errno(() -> sysfs.read(SysfsTree.ROOT + "/kmalloc-8")));
  }

  @Test
  void unknownCacheIsEnoent() {
    assertEquals(Errno.ENOENT, errno(() -> sysfs.read(path("no_such_cache", "order"))));
  }

  @Test
  void unknownAttributeIsEnoent() {
    assertEquals(Errno.ENOENT, errno(() -> sysfs.read(path("kmalloc-8", "ctor"))));
    assertEquals(Errno.ENOENT, errno(() -> sysfs.write(path("kmalloc-8", "nosuch"), "1")));
  }

  @Test
  void pathOutsideTheTreeIsEnoent() {
    assertEquals(Errno.ENOENT, errno(() -> sysfs.read("/proc/slabinfo")));
    assertEquals(Errno.ENOENT, errno(() -> sysfs.read(SysfsTree.ROOT + "/kmalloc-8/order/x")));
    assertEquals(Errno.ENOENT, errno(() -> sysfs.read(SysfsTree.ROOT + "//order")));
  }

  @Test
  void writingAReadOnlyFileIsEaccesAndChangesNothing() {
    KmemCache s = m.slub().cache("kmalloc-8");
    int size = s.size();
    assertEquals(Errno.EACCES, errno(() -> sysfs.write(path("kmalloc-8", "slab_size"), "16")));
    assertEquals(size, s.size());
  }

  @Test
  void modesAre0400And0600() {
    assertEquals(0400, sysfs.mode(path("kmalloc-8", "slab_size")));
    assertEquals(0600, sysfs.mode(path("kmalloc-8", "order")));
  }

  @Test
  void emptyWriteIsEinvalInStrictMode() {
    KmemCache s = m.slub().createCache("empty", 56, 0, 0, null);
    sysfs.write(path("empty", "red_zone"), "1");
    assertEquals(Errno.EINVAL, errno(() -> sysfs.write(path("empty", "red_zone"), "")));
    assertTrue((s.flags() & SlabFlags.RED_ZONE) != 0);
  }

  @Test
  void emptyWriteIsANoOpInKernelFidelity() {
    Machine k =
        new Machine(MachineConfig.defaults(), MachineOptions.defaults().withKernelFidelity(true));
    KmemCache s = k.slub().createCache("empty", 56, 0, 0, null);
    SysfsTree t = Boot.sysfs(k);
    t.write(path("empty", "red_zone"), "1");
    t.write(path("empty", "red_zone"), "");
    assertTrue((s.flags() & SlabFlags.RED_ZONE) != 0);
  }

  @Test
  void eachWriteAsksForTheCurrentCpuOnce() {
    int[] asked = new int[1];
    SysfsTree t =
        new SysfsTree(
            m.slub(),
            () -> {
              asked[0]++;
              return m.cpu(1);
            });
    t.write(path("kmalloc-8", "shrink"), "1");
    assertEquals(1, asked[0]);
  }
}
