package dev.slubsmo.testmodule.slabinfo;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The source of a {@code /sys/kernel/slab} tree as the {@code slabinfo} tool sees it: one directory
 * per cache, one symlink per merged alias, and the attribute files inside each cache directory.
 *
 * <p>A {@code cache} argument may name a cache directory or an alias; an alias resolves to the
 * cache it points at, as a path through the symlink does. Other names (the tool asks for {@code *}
 * in one of its quirks) simply have no files.
 *
 * <p>Attribute files hold what sysfs shows, trailing newline included. The tool reads the leading
 * decimal number of each file's first line; {@code slabs} and {@code partial} may go on with {@code
 * " N<node>=<count>"} per node (for example {@code "369 N0=369\n"}), from which it learns the
 * nodes. Files the kernel lacks (the {@code CONFIG_SLUB_STATS} counters, {@code ops} before SMO)
 * are simply absent and read as 0 or empty.
 */
public interface SlabSysfs {

  /**
   * One top-level entry of the tree.
   *
   * @param name the entry name, never containing {@code /}
   * @param alias true for a symlink (a merged alias), false for a cache directory
   * @param target for an alias the basename of its link target, for a cache the empty string
   */
  record Entry(String name, boolean alias, String target) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(target, "target");
      if (name.isEmpty() || name.indexOf('/') >= 0) {
        throw new IllegalArgumentException("slab entry name '" + name + "' is empty or has a /");
      }
      if (!alias && !target.isEmpty()) {
        throw new IllegalArgumentException("cache entry '" + name + "' cannot have a target");
      }
    }

    /** A cache directory. */
    public static Entry cache(String name) {
      return new Entry(name, false, "");
    }

    /** An alias symlink pointing at {@code target}. */
    public static Entry alias(String name, String target) {
      return new Entry(name, true, target);
    }
  }

  /**
   * Lists the top-level entries in directory order (the order {@code readdir()} returns them).
   *
   * @throws IOException when the tree cannot be listed or holds an entry that is neither a cache
   *     directory nor an alias symlink
   */
  List<Entry> entries() throws IOException;

  /** Reads one attribute file whole; empty when the file is missing or unreadable. */
  Optional<String> read(String cache, String attribute);

  /** Writes {@code value} to one attribute file; false when the file cannot be written. */
  boolean write(String cache, String attribute, String value);
}
