package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.slab.Gfp;
import org.junit.jupiter.api.Test;

class GfpTextTest {
  @Test
  void keepsTheFlagsTheModelHonours() {
    assertEquals(
        Gfp.KERNEL | Gfp.ZERO | Gfp.RECLAIMABLE,
        GfpText.decode("GFP_KERNEL_ACCOUNT|__GFP_RECLAIMABLE|__GFP_ZERO"));
    assertEquals(Gfp.KERNEL | Gfp.DMA, GfpText.decode("GFP_DMA"));
    assertEquals(
        Gfp.KERNEL | Gfp.THISNODE | Gfp.NOWARN, GfpText.decode("__GFP_THISNODE|__GFP_NOWARN"));
  }

  @Test
  void othersAndNumbersReadAsPlainKernel() {
    assertEquals(Gfp.KERNEL, GfpText.decode("GFP_NOFS|__GFP_NOFAIL|__GFP_HARDWALL"));
    assertEquals(Gfp.KERNEL, GfpText.decode("0xdc0"));
  }

  @Test
  void nullIsPlainKernel() {
    assertEquals(Gfp.KERNEL, new GfpText().bits(null));
  }
}
