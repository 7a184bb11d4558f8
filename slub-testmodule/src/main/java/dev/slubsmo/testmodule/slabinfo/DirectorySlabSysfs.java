package dev.slubsmo.testmodule.slabinfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@link SlabSysfs} over a real directory: the live {@code /sys/kernel/slab} or a copy of it.
 * Files are read and written as UTF-8. Names starting with {@code .} are not listed, since the tool
 * skips them before looking at their type.
 */
public final class DirectorySlabSysfs implements SlabSysfs {
  private final Path dir;
  private final Optional<List<String>> order;

  /**
   * @param dir the directory standing in for {@code /sys/kernel/slab}
   * @param order the top-level names in the order to list them, or empty for the order the
   *     directory itself lists them in; when given it must name every entry exactly once
   */
  public DirectorySlabSysfs(Path dir, Optional<List<String>> order) {
    this.dir = dir;
    this.order = order.map(List::copyOf);
  }

  @Override
  public List<Entry> entries() throws IOException {
    List<String> names;
    try (Stream<Path> listing = Files.list(dir)) {
      names =
          listing
              .map(p -> p.getFileName().toString())
              .filter(name -> !name.startsWith("."))
              .collect(Collectors.toList());
    }
    if (order.isPresent()) {
      names = orderedNames(names, order.get());
    }
    List<Entry> entries = new ArrayList<>(names.size());
    for (String name : names) {
      entries.add(entry(name));
    }
    return entries;
  }

  /** Checks that {@code wanted} is a permutation of {@code present} and returns it. */
  private List<String> orderedNames(List<String> present, List<String> wanted) throws IOException {
    Set<String> seen = new HashSet<>();
    for (String name : wanted) {
      if (!seen.add(name)) {
        throw new IOException("order names " + name + " twice");
      }
    }
    Set<String> missing = new HashSet<>(present);
    missing.removeAll(seen);
    seen.removeAll(present);
    if (!missing.isEmpty() || !seen.isEmpty()) {
      throw new IOException(
          "order does not match " + dir + ": not in order " + missing + ", not in dir " + seen);
    }
    return wanted;
  }

  private Entry entry(String name) throws IOException {
    Path path = dir.resolve(name);
    if (Files.isSymbolicLink(path)) {
      Path target = Files.readSymbolicLink(path);
      String link = target.toString();
      return Entry.alias(name, link.substring(link.lastIndexOf('/') + 1));
    }
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return Entry.cache(name);
    }
    throw new IOException("unknown file type of " + path + ": neither directory nor symlink");
  }

  @Override
  public Optional<String> read(String cache, String attribute) {
    try {
      byte[] bytes = Files.readAllBytes(dir.resolve(cache).resolve(attribute));
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean write(String cache, String attribute, String value) {
    try {
      Files.writeString(
          dir.resolve(cache).resolve(attribute),
          value,
          StandardCharsets.UTF_8,
          StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
