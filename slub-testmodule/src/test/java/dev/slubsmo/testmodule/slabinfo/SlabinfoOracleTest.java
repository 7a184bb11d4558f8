package dev.slubsmo.testmodule.slabinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The 6.18 tool against the C tool's output for the frozen tree, byte for byte. */
class SlabinfoOracleTest {
  @TempDir static Path tmp;
  private static Path slab;

  @BeforeAll
  static void unpack() throws IOException {
    slab = FrozenSysfs.unpack(tmp);
  }

  static Stream<Arguments> oracle() {
    return Stream.of(
        Arguments.of("out-none.txt", List.of()),
        Arguments.of("out-a.txt", List.of("-a")),
        Arguments.of("out-l.txt", List.of("-l")),
        Arguments.of("out-S.txt", List.of("-S")),
        Arguments.of("out-r-dentry.txt", List.of("-r", "dentry")),
        Arguments.of("out-r-kmalloc-64.txt", List.of("-r", "kmalloc-64")),
        Arguments.of("out-r-ext4_inode_cache.txt", List.of("-r", "ext4_inode_cache")),
        Arguments.of("out-T.txt", List.of("-T")),
        Arguments.of("out-X.txt", List.of("-X")),
        Arguments.of("out-D.txt", List.of("-D")),
        Arguments.of("out-z.txt", List.of("-z")),
        Arguments.of("out-N-5.txt", List.of("-N", "5")),
        Arguments.of("out-B.txt", List.of("-B")),
        Arguments.of("out-U.txt", List.of("-U")),
        Arguments.of("out-h.txt", List.of("-h")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oracle")
  void printsWhatTheCToolPrintedInReaddirOrder(String expected, List<String> args)
      throws IOException {
    SlabSysfs sysfs = new DirectorySlabSysfs(slab, Optional.of(FrozenSysfs.readdirOrder()));
    ToolRun run = ToolRun.of(sysfs, args.toArray(String[]::new));
    assertEquals(new ToolRun(0, FrozenSysfs.expected(expected), ""), run);
  }

  @Test
  void aliasesFollowTheDirectoryOrderWhenSorted() throws IOException {
    List<String> sorted = FrozenSysfs.readdirOrder().stream().sorted().toList();
    SlabSysfs sysfs = new DirectorySlabSysfs(slab, Optional.of(sorted));
    assertEquals(FrozenSysfs.expected("readdir-sorted/out-a.txt"), ToolRun.of(sysfs, "-a").out());
  }
}
