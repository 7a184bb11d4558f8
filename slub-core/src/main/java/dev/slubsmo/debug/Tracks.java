package dev.slubsmo.debug;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Sizing;

/**
 * {@code struct track} in simulated memory: addr (8), 16 stack addresses (128), cpu (4), pid (4),
 * when (8) = 152 bytes; the alloc track first, then the free track.
 */
public final class Tracks {
  public static final int ALLOC = 0;
  public static final int FREE = 1;

  private static final int ADDRS = 8;
  private static final int CPU = 136;
  private static final int PID = 140;
  private static final int WHEN = 144;

  /** What the model records as the caller: the free or alloc entry point of the module. */
  public static final long ALLOC_IP = 0xffffffff81234560L;

  public static final long FREE_IP = 0xffffffff81234780L;

  private Tracks() {}

  static long address(KmemCache s, long object, int which) {
    return object + Layout.trackOffset(s) + (long) which * Sizing.TRACK_SIZE;
  }

  /** {@code init_tracking}: both tracks zeroed. */
  static void init(KmemCache s, long object) {
    if ((s.flags() & dev.slubsmo.slab.SlabFlags.STORE_USER) == 0) {
      return;
    }
    s.memory().fill(address(s, object, ALLOC), 2L * Sizing.TRACK_SIZE, (byte) 0);
  }

  /** {@code set_track}. */
  static void set(KmemCache s, long object, int which, Cpu cpu) {
    PhysicalMemory m = s.memory();
    long t = address(s, object, which);
    m.fill(t, Sizing.TRACK_SIZE, (byte) 0);
    long ip = which == ALLOC ? ALLOC_IP : FREE_IP;
    m.writeLong(t, ip);
    m.writeLong(t + ADDRS, ip);
    m.writeLong(t + CPU, (long) cpu.id() | (1L << 32));
    m.writeLong(t + WHEN, s.slub().tick());
  }

  /** A track read back from memory. */
  public record Track(long addr, int cpu, int pid, long when) {}

  public static Track get(KmemCache s, long object, int which) {
    PhysicalMemory m = s.memory();
    long t = address(s, object, which);
    long cpuPid = m.readLong(t + CPU);
    return new Track(m.readLong(t), (int) cpuPid, (int) (cpuPid >>> 32), m.readLong(t + WHEN));
  }
}
