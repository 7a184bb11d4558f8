package dev.slubsmo.testmodule.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * A tracefs mount: the control files of the kernel's ftrace ring buffer (kernel/trace/trace.c).
 * tracefs is global to the machine, so at most one capture may drive it at a time.
 */
public final class Tracefs {
  public static final Path DEFAULT_MOUNT = Path.of("/sys/kernel/tracing");
  private static final Path DEBUGFS_TRACING = Path.of("/sys/kernel/debug/tracing");
  private static final Path PROC_MOUNTS = Path.of("/proc/mounts");

  private final Path root;

  private Tracefs(Path root) {
    this.root = root;
  }

  /** Uses the tracefs mounted at {@code root}; refuses if it has no {@code trace} file. */
  public static Tracefs at(Path root) {
    if (!Files.isRegularFile(root.resolve("trace"))) {
      throw new LiveKernelException(
          "tracefs is not available at " + root + ": it has no 'trace' file");
    }
    return new Tracefs(root);
  }

  /**
   * Finds tracefs: a tracefs line of /proc/mounts, else mounts it on /sys/kernel/tracing (left
   * mounted, as most distributions do at boot), else debugfs's automount at
   * /sys/kernel/debug/tracing.
   */
  public static Tracefs locate() {
    for (Path mount : tracefsMounts()) {
      if (Files.isRegularFile(mount.resolve("trace"))) {
        return new Tracefs(mount);
      }
    }
    String mountError = mount(DEFAULT_MOUNT);
    if (mountError.isEmpty()) {
      return at(DEFAULT_MOUNT);
    }
    if (Files.isRegularFile(DEBUGFS_TRACING.resolve("trace"))) {
      return new Tracefs(DEBUGFS_TRACING);
    }
    throw new LiveKernelException(
        "tracefs is not available: not in "
            + PROC_MOUNTS
            + ", mounting it on "
            + DEFAULT_MOUNT
            + " failed ("
            + mountError
            + "), and "
            + DEBUGFS_TRACING
            + " has no 'trace' file");
  }

  public Path root() {
    return root;
  }

  /** Whether a control file exists (some options depend on the kernel version). */
  public boolean exists(String file) {
    return Files.exists(root.resolve(file));
  }

  /** Reads a control file without its trailing newline. */
  public String read(String file) {
    return KernelFiles.read(root.resolve(file)).strip();
  }

  /** Writes a control file, as {@code echo value > file}. */
  public void write(String file, String value) {
    KernelFiles.write(root.resolve(file), value);
  }

  /** Empties the ring buffer of every CPU: opening {@code trace} with O_TRUNC resets it. */
  public void clearBuffer() {
    KernelFiles.write(root.resolve("trace"), "");
  }

  /** The mount points of type tracefs listed in /proc/mounts, octal escapes decoded. */
  private static List<Path> tracefsMounts() {
    return KernelFiles.read(PROC_MOUNTS)
        .lines()
        .map(line -> line.split(" "))
        .filter(f -> f.length > 2 && f[2].equals("tracefs"))
        .map(f -> Path.of(unescapeMountPoint(f[1])))
        .toList();
  }

  /** Undoes the {@code \ooo} escapes /proc/mounts uses for space, tab, newline and backslash. */
  static String unescapeMountPoint(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }

  /** Runs {@code mount -t tracefs nodev <dir>}; returns "" on success, else what went wrong. */
  private static String mount(Path dir) {
    try {
      Process mount =
          new ProcessBuilder("mount", "-t", "tracefs", "nodev", dir.toString())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = mount.waitFor();
      return status == 0 ? "" : "mount exited with " + status + ": " + output.strip();
    } catch (IOException e) {
      return "cannot run mount: " + KernelFiles.reason(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while mounting";
    }
  }

  /**
   * Opens {@code trace} (not trace_pipe, which would consume the buffer) as ISO-8859-1, so every
   * byte, including any non-UTF-8 byte of a task name, maps to one char and back unchanged.
   */
  BufferedReader openTrace() {
    Path trace = root.resolve("trace");
    try {
      return new BufferedReader(
          new InputStreamReader(Files.newInputStream(trace), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new LiveKernelException("cannot read " + trace + ": " + KernelFiles.reason(e), e);
    }
  }

  /** The {@code per_cpu/cpuN} directories, by CPU number. */
  List<Path> perCpuDirectories() {
    Path perCpu = root.resolve("per_cpu");
    try (var stream = Files.list(perCpu)) {
      return stream
          .filter(p -> p.getFileName().toString().matches("cpu\\d+"))
          .sorted(
              Comparator.comparingInt(
                  p -> Integer.parseInt(p.getFileName().toString().substring(3))))
          .toList();
    } catch (IOException e) {
      throw new LiveKernelException("cannot list " + perCpu + ": " + KernelFiles.reason(e), e);
    }
  }
}
