package dev.slubsmo.slab;

import java.util.Locale;

/**
 * SLUB's per-CPU event counters ({@code enum stat_item}); the sysfs file is the lower-case name.
 */
public enum StatItem {
  ALLOC_FASTPATH,
  ALLOC_SLOWPATH,
  FREE_FASTPATH,
  FREE_SLOWPATH,
  FREE_FROZEN,
  FREE_ADD_PARTIAL,
  FREE_REMOVE_PARTIAL,
  ALLOC_FROM_PARTIAL,
  ALLOC_SLAB,
  ALLOC_REFILL,
  ALLOC_NODE_MISMATCH,
  FREE_SLAB,
  CPUSLAB_FLUSH,
  DEACTIVATE_FULL,
  DEACTIVATE_EMPTY,
  DEACTIVATE_TO_HEAD,
  DEACTIVATE_TO_TAIL,
  DEACTIVATE_REMOTE_FREES,
  DEACTIVATE_BYPASS,
  ORDER_FALLBACK,
  CMPXCHG_DOUBLE_CPU_FAIL,
  CMPXCHG_DOUBLE_FAIL,
  CPU_PARTIAL_ALLOC,
  CPU_PARTIAL_FREE,
  CPU_PARTIAL_NODE,
  CPU_PARTIAL_DRAIN,
  /** SMO: objects moved to a new slot by a migrate callback. */
  SMO_OBJECTS_MOVED,
  /** SMO: slabs emptied by defrag, shrink, move or balance and given back. */
  SMO_SLABS_EMPTIED,
  /** SMO: a vacated slab still held objects after migrate returned. */
  SMO_MIGRATE_FAILED,
  /** SMO per-object answer: moved. */
  SMO_ANSWER_MOVED,
  /** SMO per-object answer: busy, try later. */
  SMO_ANSWER_LATER,
  /** SMO per-object answer: never movable. */
  SMO_ANSWER_NEVER,
  /** SMO per-object answer: not needed, freed instead of moved. */
  SMO_ANSWER_DONT_NEED;

  /** The sysfs attribute name, e.g. {@code alloc_fastpath}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
