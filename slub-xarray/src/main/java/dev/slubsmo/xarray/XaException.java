package dev.slubsmo.xarray;

/** An XArray operation failed with the kernel's errno ({@code xa_err}): ENOMEM, EBUSY or EINVAL. */
public final class XaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final int ENOMEM = -12;
  public static final int EBUSY = -16;
  public static final int EINVAL = -22;

  private final int errno;

  public XaException(int errno, String what) {
    super(what + ": " + name(errno));
    this.errno = errno;
  }

  /** The negative errno. */
  public int errno() {
    return errno;
  }

  /** {@code -ENOMEM}, {@code -EBUSY}, {@code -EINVAL}, or the number. */
  public static String name(int errno) {
    return switch (errno) {
      case ENOMEM -> "-ENOMEM";
      case EBUSY -> "-EBUSY";
      case EINVAL -> "-EINVAL";
      default -> Integer.toString(errno);
    };
  }
}
