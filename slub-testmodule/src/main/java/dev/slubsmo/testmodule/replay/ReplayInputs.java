package dev.slubsmo.testmodule.replay;

import dev.slubsmo.testmodule.trace.GeometryTable;
import dev.slubsmo.testmodule.trace.SysfsSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the tables a replay needs, from files or from the bundled resources, turning every problem
 * into one {@link ReplayInputException} that names the option and the file.
 */
public final class ReplayInputs {
  /** The bundled Linux 6.18 geometry of the snapshot machine. */
  public static final String BUNDLED_GEOMETRY = "/traces/slab-geometry.tsv";

  private ReplayInputs() {}

  /** The geometry in {@code file}, or the bundled one when it is null. */
  public static GeometryTable geometry(Path file) {
    if (file == null) {
      return resource(BUNDLED_GEOMETRY, GeometryTable::parse);
    }
    return read("--geometry", file, GeometryTable::parse);
  }

  /** The sysfs snapshot in {@code file} given to {@code option}, or null when it is null. */
  public static SysfsSnapshot snapshot(String option, Path file) {
    return file == null ? null : read(option, file, SysfsSnapshot::parse);
  }

  /** Parses a bundled resource. */
  static <T> T resource(String name, Parser<T> parser) {
    InputStream in = ReplayInputs.class.getResourceAsStream(name);
    if (in == null) {
      throw new ReplayInputException("no resource " + name + " on the classpath");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parser.parse(r, "classpath:" + name);
    } catch (IOException | IllegalArgumentException e) {
      throw new ReplayInputException("cannot read classpath:" + name + ": " + e.getMessage(), e);
    }
  }

  /** Reads one table. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(Reader in, String source) throws IOException;
  }

  private static <T> T read(String option, Path file, Parser<T> parser) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ReplayInputException(option + ": no readable file " + file);
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parser.parse(r, file.toString());
    } catch (IOException e) {
      throw new ReplayInputException(option + ": cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ReplayInputException(option + ": " + e.getMessage(), e);
    }
  }
}
