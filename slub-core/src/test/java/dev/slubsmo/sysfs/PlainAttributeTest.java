package dev.slubsmo.sysfs;

import static dev.slubsmo.sysfs.Boot.path;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.ObjectCtor;
import dev.slubsmo.slab.SlabFlags;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.smo.Smo;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Plain values, flags, aliases and ops: a value or 0/1 and a newline. */
class PlainAttributeTest {
  private final Machine m = Boot.plain();
  private final SysfsTree sysfs = Boot.sysfs(m);

  static Stream<Arguments> plainValues() {
    return Stream.of(
        Arguments.of("slab_size", (ToLongFunction<KmemCache>) KmemCache::size),
        Arguments.of("object_size", (ToLongFunction<KmemCache>) KmemCache::objectSize),
        Arguments.of("objs_per_slab", (ToLongFunction<KmemCache>) KmemCache::objsPerSlab),
        Arguments.of("order", (ToLongFunction<KmemCache>) KmemCache::order),
        Arguments.of("min_partial", (ToLongFunction<KmemCache>) KmemCache::minPartial),
        Arguments.of("cpu_partial", (ToLongFunction<KmemCache>) KmemCache::cpuPartial),
        Arguments.of("align", (ToLongFunction<KmemCache>) KmemCache::align),
        Arguments.of("usersize", (ToLongFunction<KmemCache>) KmemCache::usersize),
        Arguments.of(
            "remote_node_defrag_ratio",
            (ToLongFunction<KmemCache>) s -> s.remoteNodeDefragRatio() / 10),
        Arguments.of("defrag_used_ratio", (ToLongFunction<KmemCache>) KmemCache::defragUsedRatio));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plainValues")
  void plainValueReadsAsDecimalLine(String attribute, ToLongFunction<KmemCache> field) {
    for (String name : new String[] {"kmalloc-96", "kmalloc-8k"}) {
      KmemCache s = m.slub().cache(name);
      assertEquals(field.applyAsLong(s) + "\n", sysfs.read(path(name, attribute)), name);
    }
  }

  @Test
  void remoteNodeDefragRatioReadsTheStoredValueOverTen() {
    assertEquals("100\n", sysfs.read(path("kmalloc-8", "remote_node_defrag_ratio")));
  }

  @Test
  void flagAttributesReadOneWhenSet() {
    m.slub().createCache("hw", 100, 0, SlabFlags.HWCACHE_ALIGN, null);
    m.slub().createCache("rcu", 100, 0, SlabFlags.TYPESAFE_BY_RCU, null);
    assertEquals("1\n", sysfs.read(path("hw", "hwcache_align")));
    assertEquals("1\n", sysfs.read(path("rcu", "destroy_by_rcu")));
    assertEquals("1\n", sysfs.read(path("dma-kmalloc-8", "cache_dma")));
    assertEquals("1\n", sysfs.read(path("kmalloc-rcl-8", "reclaim_account")));
  }

  @Test
  void flagAttributesReadZeroWhenClear() {
    for (String a :
        new String[] {
          "hwcache_align", "destroy_by_rcu", "cache_dma", "reclaim_account", "sanity_checks",
          "red_zone", "poison", "store_user", "trace", "failslab"
        }) {
      assertEquals("0\n", sysfs.read(path("kmalloc-8", a)), a);
    }
  }

  @Test
  void debugFlagsReadOneUnderSlubDebug() {
    Machine d = Boot.debug();
    SysfsTree t = Boot.sysfs(d);
    for (String a : new String[] {"sanity_checks", "red_zone", "poison", "store_user"}) {
      assertEquals("1\n", t.read(path("kmalloc-8", a)), a);
    }
    assertEquals("0\n", t.read(path("kmalloc-8", "trace")));
  }

  @Test
  void aliasesCountsTheOtherNames() {
    m.slub().createCache("first", 64, 0, 0, null);
    m.slub().createCache("second", 64, 0, 0, null);
    assertEquals("1\n", sysfs.read(path("first", "aliases")));
    assertEquals("0\n", sysfs.read(path("kmalloc-64", "aliases")));
  }

  @Test
  void opsIsEmptyWithoutCallbacks() {
    assertEquals("", sysfs.read(path("kmalloc-64", "ops")));
  }

  @Test
  void opsShowsTheCtor() {
    m.slub().createCache("ctor_only", 56, 0, 0, new NamedCtor());
    assertEquals(
        "ctor : smo_object_ctor+0x0/0x30 [slub_defrag]\n", sysfs.read(path("ctor_only", "ops")));
  }

  @Test
  void opsShowsCtorIsolateAndMigrateInThatOrder() {
    KmemCache s = m.slub().createCache("movable", 56, 0, 0, new NamedCtor());
    Smo.setupMobility(s, Mobility.of((c, o, n) -> null, (c, o, n, node, p) -> {}, "mig+0x0/0x8"));
    assertEquals(
        "ctor : smo_object_ctor+0x0/0x30 [slub_defrag]\n"
            + "isolate : isolate+0x0/0x10\n"
            + "migrate : mig+0x0/0x8\n",
        sysfs.read(path("movable", "ops")));
  }

  @Test
  void opsOmitsAMissingIsolate() {
    KmemCache s = m.slub().createCache("movable", 56, 0, 0, new NamedCtor());
    Smo.setupMobility(s, Mobility.of(null, (c, o, n, node, p) -> {}, "mig+0x0/0x8"));
    assertEquals(
        "ctor : smo_object_ctor+0x0/0x30 [slub_defrag]\nmigrate : mig+0x0/0x8\n",
        sysfs.read(path("movable", "ops")));
  }

  @Test
  void writeOnlyFilesReadEmpty() {
    for (String a : new String[] {"shrink", "validate", "move", "balance"}) {
      assertEquals("", sysfs.read(path("kmalloc-8", a)), a);
    }
  }

  private static final class NamedCtor implements ObjectCtor {
    @Override
    public void construct(PhysicalMemory memory, long object) {}

    @Override
    public String symbol() {
      return "smo_object_ctor+0x0/0x30 [slub_defrag]";
    }
  }
}
