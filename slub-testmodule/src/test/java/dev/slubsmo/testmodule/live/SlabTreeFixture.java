package dev.slubsmo.testmodule.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Builds a small tree laid out like /sys/kernel/slab from fixed numbers. */
final class SlabTreeFixture {
  private final Path root;

  SlabTreeFixture(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /**
   * Adds a cache; {@code counts} holds the text of the count attributes (objects, slabs, partial,
   * cpu_slabs, total_objects) as the kernel prints them, e.g. "25 N0=11 N1=14".
   */
  SlabTreeFixture cache(
      String name, int objectSize, int objsPerSlab, int order, Map<String, String> counts)
      throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    write(dir, "object_size", Integer.toString(objectSize));
    write(dir, "slab_size", Integer.toString(objectSize));
    write(dir, "objs_per_slab", Integer.toString(objsPerSlab));
    write(dir, "order", Integer.toString(order));
    for (String attribute : new String[] {"objects", "slabs", "partial", "cpu_slabs"}) {
      write(dir, attribute, counts.getOrDefault(attribute, "0"));
    }
    write(dir, "total_objects", counts.getOrDefault("total_objects", counts.get("objects")));
    return this;
  }

  /** Adds an alias link whose target is the bare name of the cache, as in the frozen copy. */
  SlabTreeFixture alias(String alias, String cache) throws IOException {
    Files.createSymbolicLink(root.resolve(alias), Path.of(cache));
    return this;
  }

  LiveSlabReader reader() {
    return new LiveSlabReader(root, root.resolve("no-slabinfo"));
  }

  private static void write(Path dir, String attribute, String value) throws IOException {
    Files.writeString(dir.resolve(attribute), value + "\n");
  }
}
