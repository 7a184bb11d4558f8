package dev.slubsmo.slab;

/** The allocation-context flags the model honours ({@code include/linux/gfp.h}). */
public final class Gfp {
  public static final int DMA = 0x01;
  public static final int DMA32 = 0x04;
  public static final int RECLAIMABLE = 0x10;
  public static final int NOWARN = 0x200;
  public static final int ZERO = 0x8000;
  public static final int THISNODE = 0x200000;
  public static final int KERNEL = 0x400 | 0x800 | 0x40 | 0x80;

  private Gfp() {}
}
