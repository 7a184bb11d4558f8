package dev.slubsmo.sysfs;

/**
 * A failed read, write or listing of a model kernel file: the errno the kernel returns, the path,
 * and for writes the value. A failed write has changed no state.
 */
public final class SysfsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Errno errno;
  private final String path;
  private final String value;

  SysfsException(Errno errno, String path, String value, String reason) {
    super(describe(errno, path, value, reason));
    this.errno = errno;
    this.path = path;
    this.value = value;
  }

  public Errno errno() {
    return errno;
  }

  public String path() {
    return path;
  }

  /** The value written, or null for a read or listing. */
  public String value() {
    return value;
  }

  private static String describe(Errno errno, String path, String value, String reason) {
    String op = value == null ? path : "write '" + visible(value) + "' to " + path;
    return op + ": " + errno + ": " + reason;
  }

  /** The value with control characters spelled out, so a stray newline or tab shows. */
  static String visible(String value) {
    return value.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
  }
}
