package dev.slubsmo.testmodule.live;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the SLUB caches of a running kernel from {@code /sys/kernel/slab} (or any copy of that
 * tree) and {@code /proc/slabinfo}.
 *
 * <p>Each cache directory is reported once, sorted by name; a symlink is an alias (the name of a
 * cache merged into another, see sysfs_slab_alias()) and is listed with the cache its link names. A
 * cache directory that disappears while it is read (the cache was destroyed) is left out.
 */
public final class LiveSlabReader {
  public static final Path SYSFS_SLAB = Path.of("/sys/kernel/slab");
  public static final Path PROC_SLABINFO = Path.of("/proc/slabinfo");

  private final Path slabDir;
  private final Path slabinfo;

  /** Reads the running kernel. */
  public LiveSlabReader() {
    this(SYSFS_SLAB, PROC_SLABINFO);
  }

  /** Reads a tree laid out like {@code /sys/kernel/slab} and a file like {@code /proc/slabinfo}. */
  public LiveSlabReader(Path slabDir, Path slabinfo) {
    this.slabDir = slabDir;
    this.slabinfo = slabinfo;
  }

  public Path slabDir() {
    return slabDir;
  }

  public Path slabinfo() {
    return slabinfo;
  }

  /** Reads every real cache once, sorted by directory name, with its aliases sorted by name. */
  public List<LiveCache> readCaches() {
    List<String> directories = new ArrayList<>();
    Map<String, List<String>> aliases = new TreeMap<>();
    for (Path entry : listSlabDir()) {
      String name = entry.getFileName().toString();
      if (Files.isSymbolicLink(entry)) {
        aliases.computeIfAbsent(linkTarget(entry), t -> new ArrayList<>()).add(name);
      } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        directories.add(name);
      } else {
        throw new LiveKernelException(entry + ": neither a cache directory nor an alias link");
      }
    }
    directories.sort(null);
    aliases.forEach(
        (target, links) -> {
          if (!directories.contains(target)) {
            throw new LiveKernelException(
                "alias "
                    + slabDir.resolve(links.get(0))
                    + " names "
                    + target
                    + ", which is not a cache directory in "
                    + slabDir);
          }
        });
    List<LiveCache> caches = new ArrayList<>();
    for (String name : directories) {
      List<String> names = new ArrayList<>(aliases.getOrDefault(name, List.of()));
      names.sort(null);
      readCache(name, names).ifPresent(caches::add);
    }
    return caches;
  }

  /** Parses {@code /proc/slabinfo} (format version 2.1). */
  public List<SlabinfoEntry> readSlabinfo() {
    return ProcSlabinfo.parse(slabinfo);
  }

  private List<Path> listSlabDir() {
    if (!Files.isDirectory(slabDir)) {
      throw new LiveKernelException(
          "cannot read slab caches: " + slabDir + " is not a directory (no SLUB sysfs here?)");
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(slabDir)) {
      stream.forEach(entries::add);
    } catch (IOException e) {
      throw new LiveKernelException("cannot list " + slabDir + ": " + KernelFiles.reason(e), e);
    }
    return entries;
  }

  /** The cache an alias names: the last element of its target, whether relative or bare. */
  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).getFileName().toString();
    } catch (IOException e) {
      throw new LiveKernelException(
          "cannot read alias link " + link + ": " + KernelFiles.reason(e), e);
    }
  }

  private Optional<LiveCache> readCache(String name, List<String> aliases) {
    Path dir = slabDir.resolve(name);
    try {
      return Optional.of(
          new LiveCache(
              name,
              aliases,
              KernelFiles.readInt(dir.resolve("object_size")),
              KernelFiles.readInt(dir.resolve("slab_size")),
              KernelFiles.readInt(dir.resolve("objs_per_slab")),
              KernelFiles.readInt(dir.resolve("order")),
              counts(dir, "objects"),
              counts(dir, "slabs"),
              counts(dir, "partial"),
              counts(dir, "cpu_slabs"),
              counts(dir, "total_objects")));
    } catch (LiveKernelException e) {
      if (!Files.exists(dir)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static NodeCounts counts(Path dir, String attribute) {
    Path file = dir.resolve(attribute);
    return NodeCounts.parse(KernelFiles.read(file), file);
  }
}
