package dev.slubsmo.testmodule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
  @TempDir Path dir;

  private Path slice() throws IOException {
    Path trace = dir.resolve("slice.txt.xz");
    try (InputStream in =
        getClass().getResourceAsStream("/replay/dcache-walk-first-50000.txt.xz")) {
      Files.copy(in, trace);
    }
    return trace;
  }

  private Path text(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static void assertOneError(CommandRun run, String mentions) {
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("smo replay: "), run.err());
    assertTrue(run.err().contains(mentions), run.err());
  }

  @Test
  void aMissingTraceIsOneErrorAndExitTwo() {
    String missing = dir.resolve("nope.txt").toString();
    assertOneError(CommandRun.of(new ReplayCommand(), missing), missing);
  }

  @Test
  void aBadPolicyWordIsOneError() throws IOException {
    Path trace = text("t.txt", "");
    assertOneError(
        CommandRun.of(new ReplayCommand(), trace.toString(), "--policy", "bogus"), "'bogus'");
  }

  @Test
  void aMalformedLineInStrictModeNamesItsLine() throws IOException {
    Path trace = text("t.txt", "this is not a trace line\n");
    assertOneError(CommandRun.of(new ReplayCommand(), trace.toString(), "--strict"), "line 1");
  }

  @Test
  void aMissingSnapshotNamesItsOption() throws IOException {
    Path trace = text("t.txt", "");
    assertOneError(
        CommandRun.of(
            new ReplayCommand(), trace.toString(), "--before", dir.resolve("x").toString()),
        "--before");
  }

  @Test
  void aBadSnapshotNamesItsLine() throws IOException {
    Path trace = text("t.txt", "");
    Path bad = text("after.tsv", "cache\tobjects\n");
    assertOneError(
        CommandRun.of(new ReplayCommand(), trace.toString(), "--after", bad.toString()), "--after");
  }

  @Test
  void aCacheBothMovableAndReclaimableIsOneError() throws IOException {
    Path trace = text("t.txt", "");
    assertOneError(
        CommandRun.of(
            new ReplayCommand(),
            trace.toString(),
            "--movable",
            "dentry,filp",
            "--reclaimable",
            "dentry"),
        "dentry");
  }

  @Test
  void aNegativeOldAfterIsOneError() throws IOException {
    Path trace = text("t.txt", "");
    assertOneError(
        CommandRun.of(new ReplayCommand(), trace.toString(), "--old-after", "-1"), "--old-after");
  }

  @Test
  void aBadBeforeLayoutIsOneError() throws IOException {
    Path trace = text("t.txt", "");
    assertOneError(
        CommandRun.of(new ReplayCommand(), trace.toString(), "--before-layout", "dense"), "dense");
  }

  @Test
  void anUnwritableJsonFileIsOneErrorAfterNothingPrinted() throws IOException {
    Path trace = text("t.txt", "");
    assertOneError(
        CommandRun.of(
            new ReplayCommand(),
            trace.toString(),
            "--json",
            dir.resolve("no/such/dir/out.json").toString()),
        "cannot write");
  }

  @Test
  void aRunPrintsTheReportAndWritesJsonAndCharts() throws IOException {
    Path json = dir.resolve("out.json");
    Path plots = dir.resolve("plots");
    CommandRun run =
        CommandRun.of(
            new ReplayCommand(),
            slice().toString(),
            "--before",
            text(
                    "before.tsv",
                    "cache\tobject_size\tslab_size\tobjs_per_slab\torder\tobjects"
                        + "\tslabs\tpartial\tcpu_slabs\ttotal_objects\n"
                        + "dentry\t192\t192\t21\t0\t2261\t126\t22\t11\t2646\n")
                .toString(),
            "--policy",
            "none",
            "--policy",
            "smo-minimal",
            "--seed",
            "5",
            "--json",
            json.toString(),
            "--plot",
            plots.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("seed 5"), run.out());
    assertTrue(run.out().contains("policy none: ") && run.out().contains("policy smo-minimal: "));
    String[] lines = run.out().split("\n");
    assertTrue(lines[lines.length - 1].startsWith("timing: "), lines[lines.length - 1]);
    assertEquals(2, new ObjectMapper().readTree(json.toFile()).get("policies").size());
    assertTrue(Files.exists(plots.resolve("slab-pages.png")));
    assertTrue(Files.exists(plots.resolve("occupancy.svg")));
  }
}
