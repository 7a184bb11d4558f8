package dev.slubsmo.testmodule.replay;

import dev.slubsmo.slab.Gfp;
import java.util.HashMap;
import java.util.Map;

/**
 * The model's {@link Gfp} bits for a {@code gfp_flags} text as the {@code kmem} tracepoints print
 * it ({@code show_gfp_flags}: {@code GFP_KERNEL|__GFP_ZERO|__GFP_RECLAIMABLE}).
 *
 * <p>Only the flags the model honours are kept: {@code __GFP_ZERO} (zeroing), {@code
 * __GFP_RECLAIMABLE} and {@code __GFP_DMA} (which kmalloc family serves a request, as {@code
 * kmalloc_type} decides: DMA first, then reclaimable, else the normal family, which in the model
 * also stands for 6.18's {@code kmalloc-cg-}), {@code __GFP_DMA32}, {@code __GFP_THISNODE} and
 * {@code __GFP_NOWARN}. Every other name, and a numeric value as trace-cmd may print when it cannot
 * decode the flags (their bit values change between kernels), reads as plain {@code GFP_KERNEL}.
 * Texts repeat endlessly, so each distinct one is decoded once.
 */
final class GfpText {
  private final Map<String, Integer> decoded = new HashMap<>();

  /** The model flags of {@code text}; {@link Gfp#KERNEL} for null. */
  int bits(String text) {
    if (text == null) {
      return Gfp.KERNEL;
    }
    Integer bits = decoded.get(text);
    if (bits == null) {
      bits = decode(text);
      decoded.put(text, bits);
    }
    return bits;
  }

  static int decode(String text) {
    int bits = Gfp.KERNEL;
    for (String name : text.split("\\|")) {
      bits |= flag(name.trim());
    }
    return bits;
  }

  private static int flag(String name) {
    switch (name) {
      case "__GFP_ZERO":
        return Gfp.ZERO;
      case "__GFP_RECLAIMABLE":
        return Gfp.RECLAIMABLE;
      case "__GFP_DMA":
      case "GFP_DMA":
        return Gfp.DMA;
      case "__GFP_DMA32":
      case "GFP_DMA32":
        return Gfp.DMA32;
      case "__GFP_THISNODE":
        return Gfp.THISNODE;
      case "__GFP_NOWARN":
        return Gfp.NOWARN;
      default:
        return 0;
    }
  }
}
