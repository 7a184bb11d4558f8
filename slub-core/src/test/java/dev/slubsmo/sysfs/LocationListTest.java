package dev.slubsmo.sysfs;

import static dev.slubsmo.sysfs.Boot.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slubsmo.Machine;
import dev.slubsmo.debug.Tracks;
import dev.slubsmo.slab.KmemCache;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** alloc_calls and free_calls: one line per call site, from the tracks of allocated objects. */
class LocationListTest {
  private final Machine m = Boot.debug();
  private final SysfsTree sysfs = Boot.sysfs(m);
  private final KmemCache s = m.slub().createCache("tracked", 56, 0, 0, (mem, p) -> {});

  @Test
  void withoutStoreUserTheFilesAreEnosys() {
    Machine plain = Boot.plain();
    SysfsException e =
        assertThrows(
            SysfsException.class, () -> Boot.sysfs(plain).read(path("kmalloc-64", "alloc_calls")));
    assertEquals(Errno.ENOSYS, e.errno());
  }

  @Test
  void noAllocatedObjectsReadNoData() {
    assertEquals("No data\n", sysfs.read(path("tracked", "alloc_calls")));
  }

  @Test
  void allocCallsGroupOneSiteWithAgesPidsAndCpus() {
    List<Long> objs = new ArrayList<>(Boot.alloc(m, s, 0, 2));
    objs.addAll(Boot.alloc(m, s, 1, 1));
    long jiffies = m.slub().jiffies();
    long min = Long.MAX_VALUE;
    long max = 0;
    long sum = 0;
    for (long p : objs) {
      long age = jiffies - Tracks.get(s, p, Tracks.ALLOC).when();
      min = Math.min(min, age);
      max = Math.max(max, age);
      sum += age;
    }
    assertEquals(
        String.format(
            "%7d 0x%x age=%d/%d/%d pid=1 cpus=0-1\n", 3, Tracks.ALLOC_IP, min, sum / 3, max),
        sysfs.read(path("tracked", "alloc_calls")));
  }

  @Test
  void freeCallsPutUntrackedObjectsFirstAsNotAvailable() {
    List<Long> objs = Boot.alloc(m, s, 0, 2);
    s.free(m.cpu(0), objs.get(1));
    long again = Boot.alloc(m, s, 0, 1).get(0);
    assertEquals(objs.get(1), again, "the freed slot is reused");
    long jiffies = m.slub().jiffies();
    long freedAge = jiffies - Tracks.get(s, again, Tracks.FREE).when();
    assertEquals(
        String.format(
            "%7d <not-available> age=%d pid=0 cpus=0\n%7d 0x%x age=%d pid=1 cpus=0\n",
            1, jiffies, 1, Tracks.FREE_IP, freedAge),
        sysfs.read(path("tracked", "free_calls")));
  }

  @Test
  void twoNodesAddTheNodeList() {
    Machine two = Boot.twoNodes(Boot.fzpu());
    KmemCache c = two.slub().createCache("tracked", 56, 0, 0, (mem, p) -> {});
    Boot.alloc(two, c, 1, 1);
    String text = Boot.sysfs(two).read(path("tracked", "alloc_calls"));
    assertEquals(true, text.endsWith(" pid=1 cpus=1 nodes=1\n"), text);
  }

  @Test
  void rangeListJoinsRunsAndSingles() {
    BitSet b = new BitSet();
    b.set(0, 3);
    b.set(5);
    b.set(7, 9);
    assertEquals("0-2,5,7-8", LocationList.rangeList(b));
  }
}
