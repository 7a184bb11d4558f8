package dev.slubsmo.sysfs;

import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slub;
import java.util.Objects;

/**
 * The slab and page allocator files of {@code /proc}: {@code slabinfo} and {@code buddyinfo}.
 *
 * <p>{@code slabinfo} prints the caches in {@code slab_caches} order ({@link Slub#caches}). The
 * model follows the SMO tree, where {@code create_cache} appends (patch 03) and mobility setup
 * moves a cache to the head: the movable caches come first, most recently enabled first, then the
 * others oldest first. Mainline prepends, so a mainline kernel (such as the 6.18 snapshot) prints
 * the newest cache first.
 */
public final class ProcFiles {
  public static final String SLABINFO = "/proc/slabinfo";
  public static final String BUDDYINFO = "/proc/buddyinfo";

  private final Slub slub;

  public ProcFiles(Slub slub) {
    this.slub = Objects.requireNonNull(slub, "slub");
  }

  /** The contents of {@link #SLABINFO} or {@link #BUDDYINFO}. */
  public String read(String path) {
    if (SLABINFO.equals(path)) {
      return slabinfo();
    }
    if (BUDDYINFO.equals(path)) {
      return buddyinfo();
    }
    throw new SysfsException(Errno.ENOENT, path, null, "expected " + SLABINFO + " or " + BUDDYINFO);
  }

  /** {@code /proc/slabinfo}: the version 2.1 header, then one line per cache. */
  public String slabinfo() {
    StringBuilder sb = new StringBuilder(SlabinfoRow.HEADER);
    for (KmemCache s : slub.caches()) {
      sb.append(SlabinfoRow.of(s).format());
    }
    return sb.toString();
  }

  /** {@code /proc/buddyinfo}: free blocks per order for each node's zone. */
  public String buddyinfo() {
    return slub.pages().buddyinfo();
  }
}
