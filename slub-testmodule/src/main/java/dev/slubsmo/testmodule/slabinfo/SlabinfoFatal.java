package dev.slubsmo.testmodule.slabinfo;

/** Mirrors {@code fatal()}: the tool stops, prints the message on stderr and exits with 1. */
final class SlabinfoFatal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SlabinfoFatal(String message) {
    super(message);
  }
}
