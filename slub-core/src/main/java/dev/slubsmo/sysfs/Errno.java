package dev.slubsmo.sysfs;

/** The kernel error numbers a sysfs or procfs access can fail with (include/uapi/asm-generic). */
public enum Errno {
  ENOENT(2),
  EACCES(13),
  EBUSY(16),
  ENOTDIR(20),
  EISDIR(21),
  EINVAL(22),
  ERANGE(34),
  ENOSYS(38);

  private final int number;

  Errno(int number) {
    this.number = number;
  }

  /** The positive error number; a store returns its negation. */
  public int number() {
    return number;
  }
}
