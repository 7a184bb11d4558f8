package dev.slubsmo.debug;

import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.SlabFlags;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's BUG/FIX report text (mm/slub.c {@code slab_bug}, {@code slab_fix}, {@code
 * print_trailer}, {@code print_section}). Pointers print as plain 16-digit hex, where the kernel
 * would print hashed {@code %p} values; the stack dump is one line, since the model has no stack.
 */
public final class Report {
  static final String EQUALS = "=".repeat(77);
  static final String DASHES = "-".repeat(77);
  private static final String TAINT = "Tainted: G    B            ";

  private Report() {}

  static String ptr(long p) {
    return String.format("0x%016x", p);
  }

  /** {@code slab_bug}: the banner of a report. */
  static List<String> bug(KmemCache s, String reason) {
    List<String> r = new ArrayList<>();
    r.add(EQUALS);
    r.add("BUG " + s.name() + " (" + TAINT.trim() + "): " + reason);
    r.add(DASHES);
    r.add("");
    return r;
  }

  /** {@code slab_fix}. */
  static void fix(KmemCache s, String action) {
    s.slub().log().printk("FIX " + s.name() + ": " + action);
  }

  /** {@code restore_bytes}. */
  static void restoreBytes(KmemCache s, String what, byte value, long from, long to) {
    fix(s, String.format("Restoring %s-%s=0x%x", ptr(from), ptr(to - 1), value & 0xff));
    s.memory().fill(from, to - from, value);
  }

  /** {@code slab_err}: banner, slab info, stack. */
  static void slabErr(KmemCache s, Slab page, String reason) {
    List<String> r = new ArrayList<>(bug(s, reason));
    r.add(pageInfo(page));
    r.add(STACK);
    s.slub().log().bug(r);
  }

  /** {@code object_err}: banner and the object's trailer. */
  static void objectErr(KmemCache s, Slab page, long object, String reason) {
    List<String> r = new ArrayList<>(bug(s, reason));
    r.addAll(trailer(s, page, object));
    s.slub().log().bug(r);
  }

  static final String STACK = "Call Trace: <model has no stack>";

  static String pageInfo(Slab page) {
    return String.format(
        "INFO: Slab %s objects=%d used=%d fp=%s flags=0x%04x",
        ptr(page.base()), page.objects(), page.inuse(), ptr(page.freelist()), 0x200);
  }

  /** {@code print_trailer}: tracks, slab, object, hex dumps of the slot's regions, stack. */
  static List<String> trailer(KmemCache s, Slab page, long p) {
    List<String> r = new ArrayList<>();
    if ((s.flags() & SlabFlags.STORE_USER) != 0) {
      track(s, r, "Allocated", Tracks.get(s, p, Tracks.ALLOC));
      track(s, r, "Freed", Tracks.get(s, p, Tracks.FREE));
    }
    r.add(pageInfo(page));
    r.add(
        String.format(
            "INFO: Object %s @offset=%d fp=%s",
            ptr(p), p - page.base(), ptr(s.memory().readLong(p + s.offset()))));
    r.add("");
    if ((s.flags() & SlabFlags.RED_ZONE) != 0) {
      r.addAll(hexDump(s, "Redzone ", p - s.redLeftPad(), s.redLeftPad()));
    } else if (p > page.base() + 16) {
      r.addAll(hexDump(s, "Bytes b4 ", p - 16, 16));
    }
    r.addAll(hexDump(s, "Object ", p, Math.min(s.objectSize(), 4096)));
    if ((s.flags() & SlabFlags.RED_ZONE) != 0) {
      r.addAll(hexDump(s, "Redzone ", p + s.objectSize(), s.inuse() - s.objectSize()));
    }
    long off = Layout.metadataEnd(s);
    long end = Layout.sizeFromObject(s);
    if (off != end) {
      r.addAll(hexDump(s, "Padding ", p + off, (int) (end - off)));
    }
    r.add(STACK);
    return r;
  }

  private static void track(KmemCache s, List<String> r, String what, Tracks.Track t) {
    if (t.addr() == 0) {
      return;
    }
    r.add(
        String.format(
            "INFO: %s in 0x%x age=%d cpu=%d pid=%d",
            what, t.addr(), s.slub().jiffies() - t.when(), t.cpu(), t.pid()));
  }

  /** {@code print_section} into the log. */
  static void section(KmemCache s, String text, long addr, int len) {
    for (String line : hexDump(s, text, addr, len)) {
      s.slub().log().printk(line);
    }
  }

  /** {@code print_hex_dump(DUMP_PREFIX_ADDRESS, 16, 1, ascii)}. */
  static List<String> hexDump(KmemCache s, String text, long addr, int len) {
    List<String> out = new ArrayList<>();
    for (int off = 0; off < len; off += 16) {
      int n = Math.min(16, len - off);
      StringBuilder hex = new StringBuilder();
      StringBuilder ascii = new StringBuilder();
      for (int i = 0; i < n; i++) {
        int b = s.memory().readByte(addr + off + i) & 0xff;
        if (i > 0) {
          hex.append(' ');
        }
        hex.append(String.format("%02x", b));
        ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
      }
      out.add(String.format("%s%016x: %-47s  %s", text, addr + off, hex, ascii));
    }
    return out;
  }
}
