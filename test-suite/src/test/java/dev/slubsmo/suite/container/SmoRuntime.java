package dev.slubsmo.suite.container;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * What the server image holds besides its Dockerfile: the shaded {@code smo} jar, a runtime made by
 * {@code jlink} with the modules {@code jdeps} finds in the classes {@code smo serve} can reach
 * (every {@code dev.slubsmo} package but replay, whose charts need java.desktop, and picocli; jline
 * and Jackson serve only the shell and {@code inspect}, and would add java.desktop, java.sql and
 * java.management), and the host's shared libraries that runtime loads ({@code ldd} of {@code
 * bin/java} and of every {@code .so} in it, with the dynamic loader).
 *
 * <p>Built once per test run into {@code target/smo-runtime} and reused: a stamp beside it keeps
 * the jar's SHA-256, the scanned classes and the module list, so an unchanged jar skips {@code
 * jdeps} and an unchanged module list skips {@code jlink}.
 */
final class SmoRuntime {
  private static final String SERVE_CLASSES =
      "dev\\.slubsmo\\.(?!testmodule\\.replay\\.).*|picocli\\..*";
  private static SmoRuntime built;

  final Path jar;
  final Path runtime;
  final List<Path> libraries;

  private SmoRuntime(Path jar, Path runtime, List<Path> libraries) {
    this.jar = jar;
    this.runtime = runtime;
    this.libraries = libraries;
  }

  /** The runtime of this test run, built on first use. */
  static synchronized SmoRuntime get() {
    if (built == null) {
      Path jar = Path.of(property("smo.jar"));
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            "smo.jar " + jar + " does not exist: run the ITs through mvn verify");
      }
      Path runtime = Path.of(property("smo.runtime"));
      try {
        ensureRuntime(jar, runtime);
        built = new SmoRuntime(jar, runtime, sharedLibraries(runtime));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return built;
  }

  private static String property(String name) {
    String v = System.getProperty(name);
    if (v == null) {
      throw new IllegalStateException("system property " + name + " is not set (see pom.xml)");
    }
    return v;
  }

  private static void ensureRuntime(Path jar, Path runtime) throws IOException {
    Path stampFile = runtime.resolveSibling(runtime.getFileName() + ".stamp");
    Properties stamp = new Properties();
    if (Files.isRegularFile(stampFile) && Files.isDirectory(runtime)) {
      try (var in = Files.newBufferedReader(stampFile)) {
        stamp.load(in);
      }
    }
    String sha = sha256(jar);
    if (sha.equals(stamp.getProperty("jar-sha256"))
        && SERVE_CLASSES.equals(stamp.getProperty("serve-classes"))) {
      return;
    }
    String modules =
        run(
                "jdeps",
                List.of(
                    "--print-module-deps",
                    "--ignore-missing-deps",
                    "--multi-release",
                    "17",
                    "-include",
                    SERVE_CLASSES,
                    jar.toString()))
            .strip();
    if (!modules.equals(stamp.getProperty("modules"))) {
      deleteTree(runtime);
      run(
          "jlink",
          List.of(
              "--add-modules",
              modules,
              "--strip-debug",
              "--no-header-files",
              "--no-man-pages",
              "--compress=2",
              "--output",
              runtime.toString()));
    }
    stamp.setProperty("jar-sha256", sha);
    stamp.setProperty("serve-classes", SERVE_CLASSES);
    stamp.setProperty("modules", modules);
    try (var out = Files.newBufferedWriter(stampFile)) {
      stamp.store(out, "jlink runtime of the smo server image");
    }
  }

  /** Runs a JDK tool in this JVM; its output, or an exception with its output on failure. */
  private static String run(String tool, List<String> args) {
    ToolProvider t =
        ToolProvider.findFirst(tool)
            .orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc =
        t.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    if (rc != 0) {
      throw new IllegalStateException(tool + " " + args + " exited " + rc + ": " + err + out);
    }
    return out.toString();
  }

  /**
   * Every host library {@code ldd} names for {@code bin/java} and the runtime's {@code .so} files,
   * the dynamic loader included; libraries of the runtime itself and the vDSO are left out.
   */
  private static List<Path> sharedLibraries(Path runtime) throws IOException {
    List<Path> binaries = new ArrayList<>();
    binaries.add(runtime.resolve("bin/java"));
    TreeSet<String> own = new TreeSet<>();
    try (Stream<Path> s = Files.walk(runtime)) {
      s.filter(p -> p.getFileName().toString().endsWith(".so"))
          .forEach(
              p -> {
                binaries.add(p);
                own.add(p.getFileName().toString());
              });
    }
    TreeSet<String> libs = new TreeSet<>();
    for (Path b : binaries) {
      for (String line : ldd(b)) {
        String[] f = line.strip().split("\\s+");
        if (f.length >= 3 && f[1].equals("=>")) {
          if (f[2].equals("not")) {
            if (!own.contains(f[0])) {
              throw new IllegalStateException("ldd " + b + ": " + f[0] + " not found");
            }
          } else if (!Path.of(f[2]).normalize().startsWith(runtime)) {
            libs.add(f[2]);
          }
        } else if (f.length >= 1 && f[0].startsWith("/")) {
          libs.add(f[0]);
        }
      }
    }
    return libs.stream().map(Path::of).toList();
  }

  private static List<String> ldd(Path binary) throws IOException {
    Process p = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IllegalStateException("ldd " + binary + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running ldd", e);
    }
    return out.lines().toList();
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }
}
