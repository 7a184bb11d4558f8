package dev.slubsmo.debug;

import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Sizing;
import dev.slubsmo.slab.SlabFlags;

/** Where a slot's debug metadata lies, relative to the object pointer. */
final class Layout {
  private Layout() {}

  /** {@code get_track}'s base: after the free pointer when it is outside the object. */
  static long trackOffset(KmemCache s) {
    return s.offset() != 0 ? s.offset() + 8L : s.inuse();
  }

  /** End of the metadata: inuse, free pointer, tracks ({@code check_pad_bytes}'s {@code off}). */
  static long metadataEnd(KmemCache s) {
    long off = s.inuse();
    if (s.offset() != 0) {
      off += 8;
    }
    if ((s.flags() & SlabFlags.STORE_USER) != 0) {
      off += 2L * Sizing.TRACK_SIZE;
    }
    return off;
  }

  /** {@code size_from_object}: the slot size seen from the object pointer. */
  static long sizeFromObject(KmemCache s) {
    return (s.flags() & SlabFlags.RED_ZONE) != 0 ? s.size() - s.redLeftPad() : s.size();
  }
}
