package dev.slubsmo.mm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bytes of every page frame, reached through kernel-style direct-map addresses.
 *
 * <p>An address is {@link #PAGE_OFFSET} plus the physical address; the physical address of page
 * frame {@code pfn} is {@code pfn << 12}, and node {@code n} owns frames {@code [n * pagesPerNode,
 * (n + 1) * pagesPerNode)}. So address to (node, frame, offset) is two shifts and a division.
 *
 * <p>A frame's 4096 bytes exist only while the page allocator has it handed out ({@link
 * #populate}/{@link #depopulate}); touching any other address is a fault. Words are little-endian,
 * as on x86-64.
 */
public final class PhysicalMemory {
  /** x86-64 {@code page_offset_base} without KASLR. */
  public static final long PAGE_OFFSET = 0xffff888000000000L;

  private static final int PAGE_SHIFT = 12;
  private static final int PAGE_MASK = PageAllocator.PAGE_SIZE - 1;
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[][] frames;
  private final int pagesPerNode;

  PhysicalMemory(MachineConfig config) {
    this.pagesPerNode = config.pagesPerNode();
    this.frames = new byte[pagesPerNode * config.nodes()][];
  }

  public static long pfnToAddress(long pfn) {
    return PAGE_OFFSET + (pfn << PAGE_SHIFT);
  }

  /** The frame number of {@code addr}, or -1 outside the direct map. */
  public long addressToPfn(long addr) {
    long phys = addr - PAGE_OFFSET;
    if (phys < 0 || (phys >>> PAGE_SHIFT) >= frames.length) {
      return -1;
    }
    return phys >>> PAGE_SHIFT;
  }

  /** The node holding {@code addr} ({@code page_to_nid(virt_to_page(addr))}), or -1. */
  public int addressToNode(long addr) {
    long pfn = addressToPfn(addr);
    return pfn < 0 ? -1 : (int) (pfn / pagesPerNode);
  }

  public int pfnToNode(long pfn) {
    return (int) (pfn / pagesPerNode);
  }

  public int frameCount() {
    return frames.length;
  }

  public boolean isPopulated(long pfn) {
    return pfn >= 0 && pfn < frames.length && frames[(int) pfn] != null;
  }

  void populate(long pfn, int order) {
    for (int i = 0; i < 1 << order; i++) {
      frames[(int) pfn + i] = new byte[PageAllocator.PAGE_SIZE];
    }
  }

  void depopulate(long pfn, int order) {
    for (int i = 0; i < 1 << order; i++) {
      frames[(int) pfn + i] = null;
    }
  }

  /** Bytes held by populated frames: the Java-side cost of simulated memory. */
  public long populatedBytes() {
    long n = 0;
    for (byte[] f : frames) {
      if (f != null) {
        n += f.length;
      }
    }
    return n;
  }

  private byte[] frame(long addr) {
    long phys = addr - PAGE_OFFSET;
    long pfn = phys >>> PAGE_SHIFT;
    if (phys < 0 || pfn >= frames.length || frames[(int) pfn] == null) {
      throw new MemoryFault(addr);
    }
    return frames[(int) pfn];
  }

  /** Reads the 8-byte little-endian word at {@code addr}, which must be 8-byte aligned. */
  public long readLong(long addr) {
    if ((addr & 7) != 0) {
      throw new MemoryFault(addr, "unaligned word read");
    }
    return (long) LONG.get(frame(addr), (int) (addr & PAGE_MASK));
  }

  public void writeLong(long addr, long value) {
    if ((addr & 7) != 0) {
      throw new MemoryFault(addr, "unaligned word write");
    }
    LONG.set(frame(addr), (int) (addr & PAGE_MASK), value);
  }

  public byte readByte(long addr) {
    return frame(addr)[(int) (addr & PAGE_MASK)];
  }

  public void writeByte(long addr, byte value) {
    frame(addr)[(int) (addr & PAGE_MASK)] = value;
  }

  /** Sets {@code len} bytes from {@code addr} to {@code value} ({@code memset}). */
  public void fill(long addr, long len, byte value) {
    while (len > 0) {
      byte[] f = frame(addr);
      int off = (int) (addr & PAGE_MASK);
      int n = (int) Math.min(len, PageAllocator.PAGE_SIZE - off);
      java.util.Arrays.fill(f, off, off + n, value);
      addr += n;
      len -= n;
    }
  }

  /** Copies {@code len} bytes from {@code src} to {@code dst} (non-overlapping, {@code memcpy}). */
  public void copy(long src, long dst, long len) {
    byte[] buf = new byte[(int) Math.min(len, PageAllocator.PAGE_SIZE)];
    while (len > 0) {
      int n = (int) Math.min(len, buf.length);
      read(src, buf, 0, n);
      write(dst, buf, 0, n);
      src += n;
      dst += n;
      len -= n;
    }
  }

  public void read(long addr, byte[] dst, int dstOff, int len) {
    while (len > 0) {
      byte[] f = frame(addr);
      int off = (int) (addr & PAGE_MASK);
      int n = Math.min(len, PageAllocator.PAGE_SIZE - off);
      System.arraycopy(f, off, dst, dstOff, n);
      addr += n;
      dstOff += n;
      len -= n;
    }
  }

  public void write(long addr, byte[] src, int srcOff, int len) {
    while (len > 0) {
      byte[] f = frame(addr);
      int off = (int) (addr & PAGE_MASK);
      int n = Math.min(len, PageAllocator.PAGE_SIZE - off);
      System.arraycopy(src, srcOff, f, off, n);
      addr += n;
      srcOff += n;
      len -= n;
    }
  }

  /**
   * The first byte in {@code [addr, addr+len)} that differs from {@code value}, or 0 ({@code
   * memchr_inv}).
   */
  public long findMismatch(long addr, long len, byte value) {
    while (len > 0) {
      byte[] f = frame(addr);
      int off = (int) (addr & PAGE_MASK);
      int n = (int) Math.min(len, PageAllocator.PAGE_SIZE - off);
      for (int i = off; i < off + n; i++) {
        if (f[i] != value) {
          return addr + (i - off);
        }
      }
      addr += n;
      len -= n;
    }
    return 0;
  }
}
