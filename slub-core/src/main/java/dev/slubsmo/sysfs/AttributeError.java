package dev.slubsmo.sysfs;

/**
 * What an attribute's show or store routine returns as a negative errno; {@link SysfsTree} turns it
 * into a {@link SysfsException} naming the path and the value.
 */
final class AttributeError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Errno errno;

  AttributeError(Errno errno, String reason) {
    super(reason, null, false, false);
    this.errno = errno;
  }

  Errno errno() {
    return errno;
  }
}
