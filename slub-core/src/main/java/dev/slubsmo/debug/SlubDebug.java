package dev.slubsmo.debug;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Oo;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.SlabAccess;
import dev.slubsmo.slab.SlabFlags;
import dev.slubsmo.slab.SlabState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * SLUB's debug processing (mm/slub.c, CONFIG_SLUB_DEBUG): object initialisation with red zones and
 * poison, the checks run on allocation, free and {@code validate}, and their repairs. Every failed
 * check writes the kernel's BUG/FIX report to the machine log ({@link Report}).
 *
 * <p>Slot layout relative to an object pointer {@code p}: left red zone {@code [p - red_left_pad,
 * p)}, object {@code [p, p + object_size)}, right red zone or alignment padding up to {@code p +
 * inuse}, free pointer at {@code p + offset} when {@code offset != 0}, two tracks, then padding to
 * the slot end (0x5a under poison).
 */
public final class SlubDebug {
  public static final byte POISON_INUSE = 0x5a;
  public static final byte POISON_FREE = 0x6b;
  public static final byte POISON_END = (byte) 0xa5;
  public static final byte RED_INACTIVE = (byte) 0xbb;
  public static final byte RED_ACTIVE = (byte) 0xcc;

  private SlubDebug() {}

  /** {@code setup_object_debug}: inactive init and cleared tracks for a new slab's object. */
  public static void setupObjectDebug(KmemCache s, long object) {
    initObject(s, object, RED_INACTIVE);
    Tracks.init(s, object);
  }

  /** {@code allocate_slab} under {@code SLAB_POISON}: the whole slab becomes 0x5a. */
  public static void poisonNewSlab(KmemCache s, Slab page) {
    s.memory().fill(page.base(), page.end() - page.base(), POISON_INUSE);
  }

  /** {@code init_object}: red zones to {@code val}; object poison under {@code __OBJECT_POISON}. */
  public static void initObject(KmemCache s, long p, byte val) {
    PhysicalMemory m = s.memory();
    if ((s.flags() & SlabFlags.RED_ZONE) != 0) {
      m.fill(p - s.redLeftPad(), s.redLeftPad(), val);
    }
    if ((s.flags() & SlabFlags.OBJECT_POISON) != 0) {
      m.fill(p, s.objectSize() - 1, POISON_FREE);
      m.writeByte(p + s.objectSize() - 1, POISON_END);
    }
    if ((s.flags() & SlabFlags.RED_ZONE) != 0) {
      m.fill(p + s.objectSize(), s.inuse() - s.objectSize(), val);
    }
  }

  /** {@code alloc_debug_processing}: checks, alloc track, trace, active init. */
  public static boolean allocDebugProcessing(KmemCache s, Cpu cpu, Slab page, long object) {
    if ((s.flags() & SlabFlags.CONSISTENCY_CHECKS) != 0) {
      boolean ok = checkSlab(s, page);
      if (ok && !checkValidPointer(s, page, object)) {
        Report.objectErr(s, page, object, "Freelist Pointer check fails");
        ok = false;
      }
      if (ok && !checkObject(s, page, object, RED_INACTIVE)) {
        ok = false;
      }
      if (!ok) {
        Report.fix(s, "Marking all objects used");
        long st = page.state();
        SlabAccess.setState(
            page, SlabState.next(st, -1, SlabState.objects(st), SlabState.frozen(st)));
        return false;
      }
    }
    if ((s.flags() & SlabFlags.STORE_USER) != 0) {
      Tracks.set(s, object, Tracks.ALLOC, cpu);
    }
    trace(s, page, object, true);
    initObject(s, object, RED_ACTIVE);
    return true;
  }

  /**
   * {@code free_debug_processing}: under the node lock and the slab lock, checks each object of the
   * batch (with {@code F}), records the free track, traces and re-inits it. False leaks the batch.
   */
  public static boolean freeDebugProcessing(
      KmemCache s, Cpu cpu, Slab page, long head, long tail, int bulkCnt) {
    var n = s.node(page.node());
    n.listLock().lock();
    page.lock();
    long object = head;
    int cnt = 0;
    boolean ret = false;
    try {
      if ((s.flags() & SlabFlags.CONSISTENCY_CHECKS) != 0 && !checkSlab(s, page)) {
        return false;
      }
      while (true) {
        cnt++;
        if ((s.flags() & SlabFlags.CONSISTENCY_CHECKS) != 0
            && !freeConsistencyChecks(s, page, object)) {
          return false;
        }
        if ((s.flags() & SlabFlags.STORE_USER) != 0) {
          Tracks.set(s, object, Tracks.FREE, cpu);
        }
        trace(s, page, object, false);
        initObject(s, object, RED_INACTIVE);
        if (object == tail) {
          break;
        }
        object = s.freepointer(object);
      }
      ret = true;
      return true;
    } finally {
      if (cnt != bulkCnt) {
        Report.slabErr(s, page, "Bulk freelist count(" + bulkCnt + ") invalid(" + cnt + ")");
      }
      page.unlock();
      n.listLock().unlock();
      if (!ret) {
        Report.fix(s, "Object at " + Report.ptr(object) + " not freed");
      }
    }
  }

  private static boolean freeConsistencyChecks(KmemCache s, Slab page, long object) {
    if (!checkValidPointer(s, page, object)) {
      Report.slabErr(s, page, "Invalid object pointer " + Report.ptr(object));
      return false;
    }
    if (onFreelist(s, page, object)) {
      Report.objectErr(s, page, object, "Object already free");
      return false;
    }
    if (!checkObject(s, page, object, RED_ACTIVE)) {
      return false;
    }
    if (page.cache() != s) {
      Report.objectErr(s, page, object, "page slab pointer corrupt.");
      return false;
    }
    return true;
  }

  /** {@code check_valid_pointer}: null, or the start of one of the slab's slots. */
  public static boolean checkValidPointer(KmemCache s, Slab page, long object) {
    if (object == 0) {
      return true;
    }
    long slot = object - s.redLeftPad();
    long base = page.base();
    return slot >= base
        && slot < base + (long) page.objects() * s.size()
        && (slot - base) % s.size() == 0;
  }

  /** {@code check_slab}: page type, object count, inuse, then the slab padding. */
  public static boolean checkSlab(KmemCache s, Slab page) {
    int maxobj = Oo.orderObjects(page.order(), s.size());
    if (page.objects() > maxobj) {
      Report.slabErr(s, page, "objects " + page.objects() + " > max " + maxobj);
      return false;
    }
    if (page.inuse() > page.objects()) {
      Report.slabErr(s, page, "inuse " + page.inuse() + " > max " + page.objects());
      return false;
    }
    slabPadCheck(s, page);
    return true;
  }

  /** {@code slab_pad_check}: the slab tail after the last slot must still be 0x5a. */
  static boolean slabPadCheck(KmemCache s, Slab page) {
    if ((s.flags() & SlabFlags.POISON) == 0) {
      return true;
    }
    long length = page.end() - page.base();
    long remainder = length % s.size();
    if (remainder == 0) {
      return true;
    }
    long pad = page.end() - remainder;
    long fault = s.memory().findMismatch(pad, remainder, POISON_INUSE);
    if (fault == 0) {
      return true;
    }
    long end = page.end();
    while (end > fault && s.memory().readByte(end - 1) == POISON_INUSE) {
      end--;
    }
    Report.slabErr(
        s, page, "Padding overwritten. " + Report.ptr(fault) + "-" + Report.ptr(end - 1));
    Report.section(s, "Padding ", pad, (int) remainder);
    Report.restoreBytes(s, "slab padding", POISON_INUSE, fault, end);
    return false;
  }

  /** {@code check_object}: red zones or padding, poison, pad bytes, then the free pointer. */
  public static boolean checkObject(KmemCache s, Slab page, long p, byte val) {
    long endobject = p + s.objectSize();
    int flags = s.flags();
    if ((flags & SlabFlags.RED_ZONE) != 0) {
      if (!checkBytes(s, page, p, "Redzone", p - s.redLeftPad(), val, s.redLeftPad())) {
        return false;
      }
      if (!checkBytes(s, page, p, "Redzone", endobject, val, s.inuse() - s.objectSize())) {
        return false;
      }
    } else if ((flags & SlabFlags.POISON) != 0 && s.objectSize() < s.inuse()) {
      checkBytes(
          s, page, p, "Alignment padding", endobject, POISON_INUSE, s.inuse() - s.objectSize());
    }
    if ((flags & SlabFlags.POISON) != 0) {
      if (val != RED_ACTIVE
          && (flags & SlabFlags.OBJECT_POISON) != 0
          && (!checkBytes(s, page, p, "Poison", p, POISON_FREE, s.objectSize() - 1)
              || !checkBytes(s, page, p, "Poison", endobject - 1, POISON_END, 1))) {
        return false;
      }
      checkPadBytes(s, page, p);
    }
    if (s.offset() == 0 && val == RED_ACTIVE) {
      return true;
    }
    if (!checkValidPointer(s, page, s.freepointer(p))) {
      Report.objectErr(s, page, p, "Freepointer corrupt");
      s.memory().writeLong(p + s.offset(), 0);
      return false;
    }
    return true;
  }

  /** {@code check_pad_bytes}: the bytes after the metadata up to the slot end must be 0x5a. */
  private static boolean checkPadBytes(KmemCache s, Slab page, long p) {
    long off = Layout.metadataEnd(s);
    long end = Layout.sizeFromObject(s);
    if (end == off) {
      return true;
    }
    return checkBytes(s, page, p, "Object padding", p + off, POISON_INUSE, (int) (end - off));
  }

  /** {@code check_bytes_and_report}: report the first run that is not {@code value}, restore it. */
  private static boolean checkBytes(
      KmemCache s, Slab page, long object, String what, long start, byte value, int bytes) {
    long fault = s.memory().findMismatch(start, bytes, value);
    if (fault == 0) {
      return true;
    }
    long end = start + bytes;
    while (end > fault && s.memory().readByte(end - 1) == value) {
      end--;
    }
    List<String> r = new ArrayList<>(Report.bug(s, what + " overwritten"));
    r.add(
        String.format(
            "INFO: %s-%s. First byte 0x%x instead of 0x%x",
            Report.ptr(fault),
            Report.ptr(end - 1),
            s.memory().readByte(fault) & 0xff,
            value & 0xff));
    r.addAll(Report.trailer(s, page, object));
    s.slub().log().bug(r);
    Report.restoreBytes(s, what, value, fault, end);
    return false;
  }

  /**
   * {@code on_freelist}: walks the page freelist (at most objects+1 steps), truncating or clearing
   * it at an invalid pointer and repairing {@code objects}/{@code inuse}. True once {@code search}
   * is met; otherwise true only for {@code search == 0}.
   */
  public static boolean onFreelist(KmemCache s, Slab page, long search) {
    int nr = 0;
    long object = 0;
    long fp = page.freelist();
    while (fp != 0 && nr <= page.objects()) {
      if (fp == search) {
        return true;
      }
      if (!checkValidPointer(s, page, fp)) {
        if (object != 0) {
          Report.objectErr(s, page, object, "Freechain corrupt");
          s.memory().writeLong(object + s.offset(), 0);
        } else {
          Report.slabErr(s, page, "Freepointer corrupt");
          long st = page.state();
          SlabAccess.setState(
              page, SlabState.next(st, -1, SlabState.objects(st), SlabState.frozen(st)));
          Report.fix(s, "Freelist cleared");
          return false;
        }
        break;
      }
      object = fp;
      fp = s.freepointer(object);
      nr++;
    }
    int maxObjects = Math.min(Oo.orderObjects(page.order(), s.size()), Oo.MAX_OBJS_PER_PAGE);
    if (page.objects() != maxObjects) {
      Report.slabErr(
          s,
          page,
          "Wrong number of objects. Found " + page.objects() + " but should be " + maxObjects);
      SlabAccess.setObjects(page, maxObjects);
      Report.fix(s, "Number of objects adjusted.");
    }
    if (page.inuse() != page.objects() - nr) {
      Report.slabErr(
          s,
          page,
          "Wrong object count. Counter is "
              + page.inuse()
              + " but counted were "
              + (page.objects() - nr));
      long st = page.state();
      SlabAccess.setState(
          page,
          SlabState.next(st, SlabState.freeIndex(st), page.objects() - nr, SlabState.frozen(st)));
      Report.fix(s, "Object count adjusted.");
    }
    return search == 0;
  }

  /** {@code validate_slab}: slab checks, freelist walk, then every free and allocated object. */
  static boolean validateSlab(KmemCache s, Slab page) {
    if (!checkSlab(s, page) || !onFreelist(s, page, 0)) {
      return false;
    }
    BitSet free = new BitSet(page.objects());
    for (long p = page.freelist(); p != 0; p = s.freepointer(p)) {
      free.set(s.indexOf(page, p));
    }
    for (int i = 0; i < page.objects(); i++) {
      if (free.get(i) && !checkObject(s, page, s.object(page, i), RED_INACTIVE)) {
        return false;
      }
    }
    for (int i = 0; i < page.objects(); i++) {
      if (!free.get(i) && !checkObject(s, page, s.object(page, i), RED_ACTIVE)) {
        return false;
      }
    }
    return true;
  }

  /** {@code trace}: the {@code SLAB_TRACE} line for an allocation or free. */
  private static void trace(KmemCache s, Slab page, long object, boolean alloc) {
    if ((s.flags() & SlabFlags.TRACE) == 0) {
      return;
    }
    s.slub()
        .log()
        .printk(
            String.format(
                "TRACE %s %s %s inuse=%d fp=%s",
                s.name(),
                alloc ? "alloc" : "free",
                Report.ptr(object),
                page.inuse(),
                Report.ptr(page.freelist())));
    if (!alloc) {
      Report.section(s, "Object ", object, s.objectSize());
    }
  }

  /** {@code slab_out_of_memory}: the kernel's allocation-failure report. */
  public static void slabOutOfMemory(KmemCache s, int gfp, int node) {
    var log = s.slub().log();
    log.printk(String.format("SLUB: Unable to allocate memory on node %d, gfp=%#x", node, gfp));
    log.printk(
        String.format(
            "  cache: %s, object size: %d, buffer size: %d, default order: %d, min order: %d",
            s.name(), s.objectSize(), s.size(), Oo.order(s.oo()), Oo.order(s.min())));
    if (Oo.order(s.min()) > Oo.getOrder(s.objectSize())) {
      log.printk("  " + s.name() + " debugging increased min order, use slub_debug=O to disable.");
    }
    for (int n = 0; n < s.nodeCount(); n++) {
      var cn = s.node(n);
      long free = 0;
      for (Slab page : cn.partial().toList()) {
        free += page.objects() - page.inuse();
      }
      log.printk(
          String.format(
              "  node %d: slabs: %d, objs: %d, free: %d",
              n, cn.nrSlabs(), cn.totalObjects(), free));
    }
  }

  /** {@code discard_slab} with consistency checks: padding and every object, inactive. */
  public static void checkSlabBeforeFree(KmemCache s, Slab page) {
    slabPadCheck(s, page);
    for (int i = 0; i < page.objects(); i++) {
      checkObject(s, page, s.object(page, i), RED_INACTIVE);
    }
  }

  /** {@code list_slab_objects} at shutdown: one line per object still allocated. */
  public static void reportRemaining(KmemCache s) {
    for (int n = 0; n < s.nodeCount(); n++) {
      for (Slab page : s.node(n).partial().toList()) {
        if (page.inuse() == 0) {
          continue;
        }
        List<String> r =
            new ArrayList<>(
                Report.bug(s, "Objects remaining in " + s.name() + " on __kmem_cache_shutdown()"));
        BitSet free = new BitSet(page.objects());
        for (long p = page.freelist(); p != 0; p = s.freepointer(p)) {
          free.set(s.indexOf(page, p));
        }
        for (int i = 0; i < page.objects(); i++) {
          if (!free.get(i)) {
            long p = s.object(page, i);
            r.add(String.format("INFO: Object %s @offset=%d", Report.ptr(p), p - page.base()));
          }
        }
        s.slub().log().bug(r);
      }
    }
  }
}
