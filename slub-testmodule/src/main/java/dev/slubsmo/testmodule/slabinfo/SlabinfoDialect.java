package dev.slubsmo.testmodule.slabinfo;

/** Which {@code slabinfo} the tool behaves as. */
public enum SlabinfoDialect {
  /** {@code tools/mm/slabinfo.c} as in Linux 6.18, byte for byte. */
  LINUX_6_18,

  /**
   * The 6.18 tool plus the Slab Movable Objects additions (patches 02, 05 and 06): {@code
   * -C/--ctor}, {@code -M/--movable}, the {@code C} and {@code M} flags, {@code ops} parsing, the
   * defrag ratios in reports and the SMO {@code %Fr} formula.
   */
  SMO
}
