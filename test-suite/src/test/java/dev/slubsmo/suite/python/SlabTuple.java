package dev.slubsmo.suite.python;

/**
 * The Python suite's {@code verify_state} tuple: active objects, total objects, partial slabs, full
 * slabs ({@code slabs - partial}) and slabs.
 */
public record SlabTuple(long active, long total, long partial, long full, long slabs) {
  public static SlabTuple of(long active, long total, long partial, long slabs) {
    return new SlabTuple(active, total, partial, slabs - partial, slabs);
  }

  public static final SlabTuple EMPTY = of(0, 0, 0, 0);
}
