package dev.slubsmo.testmodule.module;

/**
 * What a {@code callfn} command returned: the handler's int (0 or a count on success, negative on
 * failure). The kernel discards it and reports the byte count; strict mode reports it.
 */
public record CallfnResult(int value) {
  public boolean failed() {
    return value < 0;
  }
}
