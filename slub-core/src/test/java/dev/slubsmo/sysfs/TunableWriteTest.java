package dev.slubsmo.sysfs;

import static dev.slubsmo.sysfs.Boot.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Oo;
import dev.slubsmo.slab.Sizing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stores of order, min_partial, cpu_partial, remote_node_defrag_ratio and defrag_used_ratio. */
class TunableWriteTest {
  private final Machine m = Boot.plain();
  private final SysfsTree sysfs = Boot.sysfs(m);
  private final KmemCache s = m.slub().createCache("tuned", 56, 0, 0, (mem, p) -> {});

  private void write(String attribute, String value) {
    sysfs.write(path("tuned", attribute), value);
  }

  private Errno failedWrite(String cache, String attribute, String value) {
    return assertThrows(SysfsException.class, () -> sysfs.write(path(cache, attribute), value))
        .errno();
  }

  @Test
  void orderRecomputesObjectsPerSlab() {
    write("order", "2\n");
    assertEquals(2, s.order());
    assertEquals(Oo.orderObjects(2, s.size()), s.objsPerSlab());
  }

  @Test
  void orderKeepsMinPartialAndCpuPartial() {
    write("min_partial", "7");
    write("cpu_partial", "3");
    write("order", "3");
    assertEquals(7, s.minPartial());
    assertEquals(3, s.cpuPartial());
  }

  @Test
  void orderAboveSlubMaxOrderIsEinval() {
    int oo = s.oo();
    int max = m.slub().params().slubMaxOrder();
    assertEquals(Errno.EINVAL, failedWrite("tuned", "order", (max + 1) + "\n"));
    assertEquals(oo, s.oo());
  }

  @Test
  void negativeOrderIsEinval() {
    assertEquals(Errno.EINVAL, failedWrite("tuned", "order", "-1"));
  }

  @Test
  void orderTooSmallForOneSlotIsEinvalInTheModel() {
    KmemCache big = m.slub().cache("kmalloc-8k");
    int oo = big.oo();
    assertEquals(Errno.EINVAL, failedWrite("kmalloc-8k", "order", "0"));
    assertEquals(oo, big.oo());
  }

  @ParameterizedTest(name = "min_partial {0} -> {1}")
  @CsvSource({"0,5", "5,5", "7,7", "10,10", "11,10", "18446744073709551615,10"})
  void minPartialIsClampedToFiveToTen(String value, int expected) {
    write("min_partial", value + "\n");
    assertEquals(expected, s.minPartial());
    assertEquals(expected + "\n", sysfs.read(path("tuned", "min_partial")));
  }

  @Test
  void minPartialOverflowIsErange() {
    int before = s.minPartial();
    assertEquals(Errno.ERANGE, failedWrite("tuned", "min_partial", "18446744073709551616"));
    assertEquals(before, s.minPartial());
  }

  @Test
  void minPartialGarbageIsEinval() {
    int before = s.minPartial();
    assertEquals(Errno.EINVAL, failedWrite("tuned", "min_partial", "7 "));
    assertEquals(before, s.minPartial());
  }

  @Test
  void cpuPartialStoresAndFlushesAll() {
    Boot.alloc(m, s, 0, 1);
    write("cpu_partial", "4\n");
    assertEquals(4, s.cpuPartial());
    assertNull(s.cpuSlab(0).page());
  }

  @Test
  void cpuPartialNonZeroOnDebugCacheIsEinval() {
    Machine d = Boot.debug();
    KmemCache c = d.slub().cache("kmalloc-64");
    SysfsTree t = Boot.sysfs(d);
    SysfsException e =
        assertThrows(SysfsException.class, () -> t.write(path("kmalloc-64", "cpu_partial"), "5"));
    assertEquals(Errno.EINVAL, e.errno());
    assertEquals(0, c.cpuPartial());
  }

  @Test
  void cpuPartialZeroOnDebugCacheIsAccepted() {
    Machine d = Boot.debug();
    Boot.sysfs(d).write(path("kmalloc-64", "cpu_partial"), "0");
    assertEquals(0, d.slub().cache("kmalloc-64").cpuPartial());
  }

  @Test
  void cpuPartialAboveUintMaxIsErange() {
    assertEquals(Errno.ERANGE, failedWrite("tuned", "cpu_partial", "4294967296"));
  }

  @Test
  void remoteNodeDefragRatioIsStoredTimesTen() {
    write("remote_node_defrag_ratio", "50\n");
    assertEquals(500, s.remoteNodeDefragRatio());
    assertEquals("50\n", sysfs.read(path("tuned", "remote_node_defrag_ratio")));
  }

  @Test
  void remoteNodeDefragRatioAboveHundredIsErange() {
    assertEquals(Errno.ERANGE, failedWrite("tuned", "remote_node_defrag_ratio", "101"));
    assertEquals(1000, s.remoteNodeDefragRatio());
  }

  @ParameterizedTest(name = "defrag_used_ratio ''{0}''")
  @CsvSource({"'50',50", "'+50\n',50", "'0',0", "'100',100"})
  void defragUsedRatioAcceptsKstrtoulInput(String value, int expected) {
    write("defrag_used_ratio", value);
    assertEquals(expected, s.defragUsedRatio());
  }

  @ParameterizedTest(name = "defrag_used_ratio ''{0}''")
  @CsvSource({"'101'", "'-1'", "'50x'", "' 50'", "'50\n\n'"})
  void defragUsedRatioRejectsWithEinval(String value) {
    int before = s.defragUsedRatio();
    assertEquals(Errno.EINVAL, failedWrite("tuned", "defrag_used_ratio", value));
    assertEquals(before, s.defragUsedRatio());
  }

  @Test
  void errorMessageNamesPathAndValue() {
    SysfsException e =
        assertThrows(SysfsException.class, () -> write("defrag_used_ratio", "101\n"));
    assertTrue(e.getMessage().contains(path("tuned", "defrag_used_ratio")), e.getMessage());
    assertTrue(e.getMessage().contains("'101\\n'"), e.getMessage());
    assertEquals("101\n", e.value());
  }

  @Test
  void minPartialDefaultFollowsSizing() {
    assertEquals(Sizing.minPartial(s.size()) + "\n", sysfs.read(path("tuned", "min_partial")));
  }
}
