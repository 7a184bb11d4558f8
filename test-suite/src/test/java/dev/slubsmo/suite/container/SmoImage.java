package dev.slubsmo.suite.container;

import java.nio.file.Path;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The {@code smo} image, built locally from {@code scratch} (no registry is reachable): the jlinked
 * runtime at {@code /jre}, the host libraries it loads at their own paths, the shaded jar at {@code
 * /smo.jar}. Every file goes in with {@code withFileFromPath}; the Dockerfile goes in as a string,
 * since as a path Testcontainers would try to pull {@code scratch}. The tag is kept after the run
 * so that an unchanged context reuses Docker's layer cache.
 */
final class SmoImage {
  static final String TAG = "slub-smo/smo:it";

  private static final String DOCKERFILE =
      String.join(
          "\n",
          "FROM scratch",
          "COPY rootfs/ /",
          "ENTRYPOINT [\"/jre/bin/java\", \"-XX:-UsePerfData\", \"-jar\", \"/smo.jar\"]",
          "");

  private static ImageFromDockerfile image;

  private SmoImage() {}

  /** The image of this test run; Docker builds it when a container first needs it. */
  static synchronized ImageFromDockerfile get() {
    if (image == null) {
      SmoRuntime rt = SmoRuntime.get();
      ImageFromDockerfile img =
          new ImageFromDockerfile(TAG, false)
              .withFileFromString("Dockerfile", DOCKERFILE)
              .withFileFromPath("rootfs/jre", rt.runtime)
              .withFileFromPath("rootfs/smo.jar", rt.jar);
      for (Path lib : rt.libraries) {
        img.withFileFromPath("rootfs" + lib, lib);
      }
      image = img;
    }
    return image;
  }
}
