package dev.slubsmo.testmodule.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a replay reads its trace from: a file or a classpath resource, plain or xz.
 *
 * @param name how reports name it
 * @param opener opens the bytes afresh
 * @param sizeBytes the stored size, for progress; -1 when unknown
 */
public record TraceSource(String name, Opener opener, long sizeBytes) {
  /** Opens the trace's bytes. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * A trace file.
   *
   * @throws ReplayInputException when it is missing or unreadable
   */
  public static TraceSource file(Path path) {
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new ReplayInputException("no readable trace file " + path);
    }
    try {
      return new TraceSource(path.toString(), () -> Files.newInputStream(path), Files.size(path));
    } catch (IOException e) {
      throw new ReplayInputException("cannot read trace file " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * A resource on the classpath, such as the bundled trace.
   *
   * @throws ReplayInputException when the classpath lacks it
   */
  public static TraceSource resource(String resource) {
    if (TraceSource.class.getResource(resource) == null) {
      throw new ReplayInputException("no trace resource " + resource + " on the classpath");
    }
    return new TraceSource(
        "classpath:" + resource, () -> TraceSource.class.getResourceAsStream(resource), -1);
  }
}
