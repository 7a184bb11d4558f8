package dev.slubsmo.sysfs;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slub;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code /sys/kernel/slab}: one directory per cache and a symlink per other name, each holding the
 * files of {@link SlabAttributes}. Reads are views of the model's state; writes run the kernel's
 * store routines on the CPU the supplier gives.
 *
 * <p>Directory names are fixed when a cache is created ({@link KmemCache#sysfsName}): the cache's
 * own name, or a {@code :} id for a cache that could be merged; every name of {@link Slub#names}
 * that is not a directory is a symlink to its cache's directory. Listings are sorted, as {@code ls}
 * prints them. Errors follow the kernel: an unknown path is {@code ENOENT}, reading or writing a
 * directory {@code EISDIR}, listing a file {@code ENOTDIR}, writing a read-only file {@code
 * EACCES}. An empty write never reaches a store routine in the kernel ({@code sysfs_kf_write}) and
 * is a no-op in kernel-fidelity mode; the strict model refuses it with {@code EINVAL}.
 */
public final class SysfsTree {
  public static final String ROOT = "/sys/kernel/slab";

  private final Slub slub;
  private final Supplier<Cpu> cpu;

  /**
   * @param slub the allocator to show
   * @param currentCpu the CPU a write runs on, asked once per write
   */
  public SysfsTree(Slub slub, Supplier<Cpu> currentCpu) {
    this.slub = Objects.requireNonNull(slub, "slub");
    this.cpu = Objects.requireNonNull(currentCpu, "currentCpu");
  }

  /** The entries of {@link #ROOT}, or the files of a cache directory, sorted. */
  public List<String> list(String dir) {
    Objects.requireNonNull(dir, "dir");
    if (dir.equals(ROOT)) {
      return new ArrayList<>(entries().keySet());
    }
    String[] parts = split(dir, null);
    cache(parts[0], dir, null);
    if (parts.length == 2) {
      attribute(parts[1], dir, null);
      throw new SysfsException(Errno.ENOTDIR, dir, null, "not a directory");
    }
    List<String> names = new ArrayList<>(SlabAttributes.names());
    names.sort(null);
    return names;
  }

  /** The contents of a file: {@code /sys/kernel/slab/<cache>/<attribute>}. */
  public String read(String path) {
    Target t = resolve(path, null);
    try {
      return t.attribute.show().show(t.cache);
    } catch (AttributeError e) {
      throw new SysfsException(e.errno(), path, null, e.getMessage());
    }
  }

  /** Writes {@code value} (as {@code echo} would, usually with a trailing newline) to a file. */
  public void write(String path, String value) {
    Objects.requireNonNull(value, "value");
    Target t = resolve(path, value);
    if (!t.attribute.writable()) {
      throw new SysfsException(Errno.EACCES, path, value, "read-only attribute (mode 0400)");
    }
    if (value.isEmpty()) {
      if (slub.kernelFidelity()) {
        return;
      }
      throw new SysfsException(Errno.EINVAL, path, value, "empty write");
    }
    try {
      t.attribute.store().store(t.cache, value, cpu.get());
    } catch (AttributeError e) {
      throw new SysfsException(e.errno(), path, value, e.getMessage());
    }
  }

  /** {@code readlink}: the directory a symlink entry of {@link #ROOT} points to. */
  public String readlink(String path) {
    String[] parts = split(path, null);
    KmemCache s = cache(parts[0], path, null);
    if (parts.length == 2) {
      attribute(parts[1], path, null);
    }
    if (parts.length == 2 || s.sysfsName().equals(parts[0])) {
      throw new SysfsException(Errno.EINVAL, path, null, "not a symlink");
    }
    return s.sysfsName();
  }

  /** The file mode of an attribute: 0600 when writable, else 0400. */
  public int mode(String path) {
    return resolve(path, null).attribute.mode();
  }

  /** Every entry of {@link #ROOT} with its cache: directories and symlinks, sorted by name. */
  public Map<String, KmemCache> entries() {
    Map<String, KmemCache> m = new TreeMap<>();
    for (KmemCache s : slub.caches()) {
      m.putIfAbsent(s.sysfsName(), s);
    }
    for (Map.Entry<String, KmemCache> e : slub.names().entrySet()) {
      m.putIfAbsent(e.getKey(), e.getValue());
    }
    return m;
  }

  private record Target(KmemCache cache, SlabAttribute attribute) {}

  private Target resolve(String path, String value) {
    Objects.requireNonNull(path, "path");
    if (path.equals(ROOT)) {
      throw new SysfsException(Errno.EISDIR, path, value, "is a directory");
    }
    String[] parts = split(path, value);
    KmemCache s = cache(parts[0], path, value);
    if (parts.length == 1) {
      throw new SysfsException(Errno.EISDIR, path, value, "is a directory");
    }
    return new Target(s, attribute(parts[1], path, value));
  }

  /** The one or two names after {@link #ROOT}. */
  private static String[] split(String path, String value) {
    String prefix = ROOT + "/";
    String[] parts =
        path.startsWith(prefix) ? path.substring(prefix.length()).split("/", -1) : null;
    if (parts == null || parts.length > 2 || List.of(parts).contains("")) {
      throw new SysfsException(
          Errno.ENOENT, path, value, "expected " + ROOT + "/<cache>[/<attribute>]");
    }
    return parts;
  }

  private KmemCache cache(String name, String path, String value) {
    KmemCache s = entries().get(name);
    if (s == null) {
      throw new SysfsException(Errno.ENOENT, path, value, "no cache '" + name + "'");
    }
    return s;
  }

  private static SlabAttribute attribute(String name, String path, String value) {
    SlabAttribute a = SlabAttributes.byName(name);
    if (a == null) {
      throw new SysfsException(Errno.ENOENT, path, value, "no attribute '" + name + "'");
    }
    return a;
  }
}
