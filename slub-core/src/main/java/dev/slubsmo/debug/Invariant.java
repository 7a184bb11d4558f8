package dev.slubsmo.debug;

/**
 * The invariants {@link InvariantChecker} asserts at a quiescent point, numbered as in spec
 * slub-model.md section 12 (1-25) and smo.md section 15 (26-32). Invariants 24, 25, 28, 29 and 32
 * are statements about an operation's result or order, not about a state, and have no entry here.
 */
public enum Invariant {
  SLOT_LAYOUT(1, "object_size <= inuse <= size, size % align == 0, align % 8 == 0"),
  FREE_POINTER_OFFSET(2, "offset == 0 or offset == inuse; offset != 0 iff RCU, POISON or ctor"),
  ORDER_OBJECTS(
      3,
      "objects(oo) == (PAGE_SIZE << order(oo)) / size in 1..32767,"
          + " min == (get_order(size), ...), objects(max) >= objects(oo)"),
  TUNABLES(4, "min_partial in 5..10; cpu_partial in its creation set, 0 for a debug cache"),
  SLAB_OWNER(5, "PageSlab(P), P.slab_cache == s, P.objects == order_objects(order(P), s.size)"),
  INUSE_RANGE(6, "0 <= inuse <= objects"),
  FREELIST_WALK(7, "the page freelist visits distinct valid objects of the slab and terminates"),
  FREELIST_LENGTH(8, "freelist length == objects - inuse"),
  CPU_SLAB_HANDED_OUT(9, "objects handed out from a CPU slab == inuse - len(c.freelist)"),
  FROZEN(
      10,
      "frozen iff exactly one CPU's slab or on exactly one CPU chain;"
          + " a frozen slab is on no node list"),
  CHAIN_NOT_FULL(11, "a slab on a CPU chain is not full"),
  UNFROZEN_LISTS(
      12,
      "an unfrozen slab sits on the lists of its own node: on n.partial iff inuse < objects,"
          + " a full one on n.full iff the cache has STORE_USER"),
  EMPTY_SLABS(13, "empty unfrozen slabs exist only on n.partial, at most min_partial of them"),
  PARTIAL_COUNT(
      14, "n.nr_partial == |n.partial|; every slab on n.partial/n.full has its memory on n"),
  NODE_COUNTERS(
      15, "n.nr_slabs counts all slabs of the cache on n; n.total_objects sums their objects"),
  STORE_USER_LISTS(
      16, "with STORE_USER and no CPU slabs or chains, n.nr_slabs == |n.partial| + |n.full|"),
  CPU_FREELIST(
      17,
      "c.page == null => c.freelist == null; c.freelist holds distinct objects of c.page"
          + " and terminates"),
  CPU_CHAIN(
      18,
      "chain slabs are frozen; head pages == chain length;"
          + " head pobjects <= free objects on the chain"),
  TID(19, "c.tid - cpu is a non-negative multiple of TID_STEP"),
  ONE_PLACE(
      20,
      "each slot is in one place only: held by a user, on its CPU's freelist or on its page"
          + " freelist"),
  LIVE_SUM(21, "live allocations == sum(objects - len(page freelist)) - sum(len(c.freelist))"),
  SYSFS_OBJECTS(
      22,
      "sysfs objects == sum(total_objects) - node-partial free >= live allocations,"
          + " the difference being free objects of CPU slabs and chains"),
  SYSFS_SUMS(
      23,
      "sysfs partial, objects_partial, slabs, total_objects and cpu_slabs agree with the slabs"),
  NOT_ISOLATED(26, "no ISOLATED slab exists at a quiescent point"),
  NR_PARTIAL_RESTORED(27, "at a quiescent point nr_partial counts the slabs on n.partial again"),
  NO_FULL_ON_PARTIAL(30, "no full slab on a partial list"),
  MOVABLE_PREFIX(31, "movable caches form a prefix of the global cache list");

  private final int number;
  private final String text;

  Invariant(int number, String text) {
    this.number = number;
    this.text = text;
  }

  public int number() {
    return number;
  }

  public String text() {
    return text;
  }

  /** {@code invariant 8 (freelist length == objects - inuse)}. */
  @Override
  public String toString() {
    return "invariant " + number + " (" + text + ")";
  }
}
