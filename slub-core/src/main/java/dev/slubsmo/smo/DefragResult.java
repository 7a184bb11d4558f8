package dev.slubsmo.smo;

/**
 * What a shrink or defrag did to one cache: slabs before and after, the floor ({@code Σ_node
 * ceil(live / objs_per_slab)}), objects moved, the minimal number of moves that could reach the
 * floor (live minus the summed inuse of the floor-many fullest slabs), slabs emptied, and the
 * partial slabs left (what {@code __kmem_cache_shrink} returns in the SMO tree).
 */
public record DefragResult(
    long slabsBefore,
    long slabsAfter,
    long floor,
    long moved,
    long minMoves,
    long emptied,
    long partialLeft) {}
