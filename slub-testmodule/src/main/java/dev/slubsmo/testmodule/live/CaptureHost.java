package dev.slubsmo.testmodule.live;

import java.nio.file.Path;

/** The machine a capture would run on: its operating system and the effective user id. */
public record CaptureHost(String osName, int effectiveUid) {
  private static final Path PROC_SELF_STATUS = Path.of("/proc/self/status");

  /** This JVM's host; the uid comes from /proc/self/status (-1 when not on Linux). */
  public static CaptureHost current() {
    String os = System.getProperty("os.name");
    return new CaptureHost(os, os.equals("Linux") ? effectiveUidFromProc() : -1);
  }

  /** Refuses unless this is Linux and the effective user is root, as tracefs control needs. */
  public void requireCapable() {
    if (!osName.equals("Linux")) {
      throw new LiveKernelException("trace capture needs Linux with tracefs; this is " + osName);
    }
    if (effectiveUid != 0) {
      throw new LiveKernelException(
          "trace capture needs root: tracefs control files are root-only (effective uid is "
              + effectiveUid
              + ")");
    }
  }

  /** The second field of the {@code Uid:} line (real, effective, saved, filesystem). */
  private static int effectiveUidFromProc() {
    return KernelFiles.read(PROC_SELF_STATUS)
        .lines()
        .filter(line -> line.startsWith("Uid:"))
        .map(line -> Integer.parseInt(line.substring(4).trim().split("\\s+")[1]))
        .findFirst()
        .orElseThrow(() -> new LiveKernelException(PROC_SELF_STATUS + " has no Uid: line"));
  }
}
