package dev.slubsmo.testmodule.slabinfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Objects;
import org.tukaani.xz.XZInputStream;

/**
 * The frozen {@code /sys/kernel/slab} of the oracle (test resources {@code slabinfo-tool/}): its
 * tarball unpacked by a minimal ustar reader (directories, regular files, symlinks), the readdir
 * order and the expected outputs.
 */
final class FrozenSysfs {
  private static final String RESOURCES = "/slabinfo-tool/";
  private static final int BLOCK = 512;

  private FrozenSysfs() {}

  /** Unpacks {@code frozen-sysfs.tar.xz} under {@code into} and returns its {@code slab/}. */
  static Path unpack(Path into) throws IOException {
    try (InputStream tar = new XZInputStream(resource("frozen-sysfs.tar.xz"))) {
      byte[] header = new byte[BLOCK];
      while (tar.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
        String name = field(header, 0, 100);
        long size = Long.parseLong(field(header, 124, 12).trim(), 8);
        Path path = into.resolve(name).normalize();
        if (!path.startsWith(into)) {
          throw new IOException("tar entry " + name + " escapes " + into);
        }
        switch (header[156]) {
          case '5' -> Files.createDirectories(path);
          case '2' -> Files.createSymbolicLink(path, Paths.get(field(header, 157, 100)));
          case '0', 0 -> Files.write(path, tar.readNBytes((int) size));
          default -> throw new IOException("tar entry " + name + " has type " + header[156]);
        }
        tar.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
      }
    }
    return into.resolve("slab");
  }

  /** The live kernfs readdir order of the tree's top-level entries. */
  static List<String> readdirOrder() throws IOException {
    return text("readdir-order.txt").lines().toList();
  }

  /** One of the oracle's expected outputs, by its path under {@code slabinfo-tool/}. */
  static String expected(String name) throws IOException {
    return text(name);
  }

  private static String text(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream resource(String name) {
    return Objects.requireNonNull(
        FrozenSysfs.class.getResourceAsStream(RESOURCES + name), "missing resource " + name);
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
