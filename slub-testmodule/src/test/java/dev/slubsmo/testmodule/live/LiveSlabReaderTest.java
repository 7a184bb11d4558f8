package dev.slubsmo.testmodule.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real /sys/kernel/slab of this machine, and small copies for the error cases. */
class LiveSlabReaderTest {
  private final List<LiveCache> caches = new LiveSlabReader().readCaches();

  @Test
  void dentryCacheHasObjectsWithinTotalObjects() {
    LiveCache dentry = find("dentry");
    assertTrue(dentry.objects().total() > 0);
    assertTrue(dentry.objects().total() <= dentry.totalObjects().total());
  }

  @Test
  void perNodeValuesSumToTheTotal() {
    for (LiveCache c : caches) {
      for (NodeCounts counts :
          List.of(c.objects(), c.slabs(), c.partial(), c.cpuSlabs(), c.totalObjects())) {
        if (!counts.perNode().isEmpty()) {
          long sum = counts.perNode().values().stream().mapToLong(Long::longValue).sum();
          assertEquals(counts.total(), sum, c.name());
        }
      }
    }
  }

  @Test
  void eachCacheDirectoryIsReportedOnce() throws IOException {
    Set<String> directories = entries(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
    List<String> names = caches.stream().map(LiveCache::name).toList();
    assertEquals(directories, Set.copyOf(names));
    assertEquals(names.size(), Set.copyOf(names).size());
  }

  @Test
  void everyAliasLinkIsReportedWithItsCache() throws IOException {
    Set<String> links = entries(Files::isSymbolicLink);
    assertEquals(
        links, caches.stream().flatMap(c -> c.aliases().stream()).collect(Collectors.toSet()));
    for (LiveCache c : caches) {
      for (String alias : c.aliases()) {
        Path target = Files.readSymbolicLink(LiveSlabReader.SYSFS_SLAB.resolve(alias));
        assertEquals(c.name(), target.getFileName().toString());
      }
    }
  }

  @Test
  void aliasInACopyResolvesToItsCache(@TempDir Path dir) throws IOException {
    LiveCache only =
        new SlabTreeFixture(dir)
            .cache(":0000048", 48, 85, 0, Map.of("objects", "255 N0=255", "slabs", "3 N0=3"))
            .alias("Acpi-Namespace", ":0000048")
            .reader()
            .readCaches()
            .get(0);
    assertEquals(List.of("Acpi-Namespace"), only.aliases());
    assertEquals(List.of("Acpi-Namespace"), only.visibleNames());
  }

  @Test
  void missingDirectoryNamesThePath(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-slab");
    LiveKernelException e =
        assertThrows(
            LiveKernelException.class,
            () -> new LiveSlabReader(missing, dir.resolve("slabinfo")).readCaches());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void missingAttributeNamesTheFile(@TempDir Path dir) throws IOException {
    SlabTreeFixture tree = new SlabTreeFixture(dir).cache("a", 64, 64, 0, Map.of("objects", "1"));
    Files.delete(dir.resolve("a/order"));
    LiveKernelException e = assertThrows(LiveKernelException.class, tree.reader()::readCaches);
    assertTrue(e.getMessage().contains(dir.resolve("a/order").toString()), e.getMessage());
  }

  @Test
  void danglingAliasNamesTheLink(@TempDir Path dir) throws IOException {
    SlabTreeFixture tree = new SlabTreeFixture(dir).alias("orphan", ":0000999");
    LiveKernelException e = assertThrows(LiveKernelException.class, tree.reader()::readCaches);
    assertTrue(e.getMessage().contains(dir.resolve("orphan").toString()), e.getMessage());
  }

  private LiveCache find(String name) {
    return caches.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static Set<String> entries(Predicate<Path> test) throws IOException {
    try (Stream<Path> stream = Files.list(LiveSlabReader.SYSFS_SLAB)) {
      return stream.filter(test).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
