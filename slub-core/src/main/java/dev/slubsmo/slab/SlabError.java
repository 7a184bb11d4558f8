package dev.slubsmo.slab;

/** A misuse of the allocator that the kernel would answer with BUG or corruption. */
public final class SlabError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SlabError(String message) {
    super(message);
  }
}
