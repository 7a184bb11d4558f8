package dev.slubsmo.testmodule.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.testmodule.replay.CacheResult;
import dev.slubsmo.testmodule.replay.Policy;
import dev.slubsmo.testmodule.replay.PolicyResult;
import dev.slubsmo.testmodule.replay.PolicySetup;
import dev.slubsmo.testmodule.replay.Replay;
import dev.slubsmo.testmodule.replay.ReplayInputs;
import dev.slubsmo.testmodule.replay.ReplayOptions;
import dev.slubsmo.testmodule.replay.ReplayResult;
import dev.slubsmo.testmodule.replay.StartLayout;
import dev.slubsmo.testmodule.replay.TraceSource;
import dev.slubsmo.testmodule.trace.SysfsSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

/** Captures a real workload on this machine (root, Linux, tracefs), as CI does. */
class TraceCaptureTest {
  private static final String WORKLOAD = "ls -R /usr/share/doc > /dev/null";

  @TempDir static Path tmp;
  private static TraceCapture capture;
  private static TracingState stateBefore;
  private static TracingState stateAfter;
  private static CaptureResult failing;
  private static CaptureResult result;

  /**
   * A failing workload is captured first: right after boot the ring buffer is still at its boot
   * minimum, which no write can bring back, so the state compared is the one after a first use.
   */
  @BeforeAll
  static void captureWorkload() {
    capture = TraceCapture.onThisMachine();
    failing = capture.capture(tmp.resolve("failing"), "exit 3");
    stateBefore = capture.readTouchedState();
    result = capture.capture(tmp.resolve("walk"), WORKLOAD);
    stateAfter = capture.readTouchedState();
  }

  @Test
  void writesTheFilesOfTheBundledLayout() throws IOException, URISyntaxException {
    Path bundled = Path.of(getClass().getResource("/traces/dcache-walk").toURI());
    assertEquals(names(bundled), names(result.directory()));
  }

  @Test
  void traceStartsWithKmemEvents() throws IOException {
    List<String> first = traceLines().stream().limit(20).toList();
    assertEquals(20, first.size());
    for (String line : first) {
      var m = TraceArchive.EVENT.matcher(line);
      assertTrue(m.find(), line);
      assertTrue(CaptureSettings.KMEM_EVENTS.contains(m.group(1)), line);
    }
  }

  @Test
  void captureReplaysThroughTheModelConservingObjects() throws IOException {
    Path dir = result.directory();
    ReplayResult r =
        Replay.run(
            new ReplayOptions(
                TraceSource.file(dir.resolve("trace.txt.xz")),
                ReplayInputs.geometry(null),
                SysfsSnapshot.read(dir.resolve("sysfs.before.tsv")),
                StartLayout.Mode.SNAPSHOT,
                SysfsSnapshot.read(dir.resolve("sysfs.after.tsv")),
                List.of(PolicySetup.of(Policy.NONE), PolicySetup.of(Policy.SMO_KERNEL)),
                1,
                false,
                -1,
                null));
    assertTrue(r.events() > 0);
    assertEquals(0, r.malformedLines());
    for (PolicyResult p : r.policies()) {
      for (CacheResult c : p.caches()) {
        assertEquals(c.traceLive(), c.live(), p.label() + " " + c.name());
      }
    }
    assertTrue(r.policy("smo-kernel").totalPages() <= r.policy("none").totalPages());
  }

  @Test
  void workloadAllocatesDentries() throws IOException {
    assertTrue(
        traceLines().stream()
            .anyMatch(l -> l.contains("kmem_cache_alloc") && l.contains("name=dentry")));
  }

  @Test
  void everyBufferedEventIsWrittenAndNoneLost() throws IOException {
    assertEquals(0, result.buffer().lost());
    assertEquals(result.buffer().entries(), traceLines().size());
    assertEquals(result.buffer().entries(), result.events());
  }

  @Test
  void bufferStatsFileMatchesTheCounters() throws IOException {
    assertEquals(
        result.buffer().format(), Files.readString(result.directory().resolve("buffer-stats.txt")));
  }

  @Test
  void tracingStateIsRestored() {
    assertEquals(stateBefore, stateAfter);
  }

  @Test
  void sysfsTablesFollowTheBundledConventions() throws IOException {
    for (String when : List.of("before", "after")) {
      List<String> lines = Files.readAllLines(result.directory().resolve("sysfs." + when + ".tsv"));
      assertEquals(SysfsSnapshotTsv.HEADER, lines.get(0));
      List<String> names = lines.stream().skip(1).map(l -> l.split("\t")[0]).toList();
      assertEquals(names.stream().sorted().toList(), names);
      assertTrue(names.contains("dentry"));
      assertFalse(names.stream().anyMatch(n -> n.startsWith(LiveCache.UNIQUE_ID_PREFIX)));
      assertTrue(lines.stream().allMatch(l -> l.split("\t").length == 10), when);
    }
  }

  @Test
  void slabinfoSnapshotsParse() {
    for (String when : List.of("before", "after")) {
      assertFalse(ProcSlabinfo.parse(result.directory().resolve("slabinfo." + when)).isEmpty());
    }
  }

  @Test
  void workloadFileHoldsTheCommand() throws IOException {
    assertEquals(WORKLOAD + "\n", Files.readString(result.directory().resolve("workload.sh")));
    assertEquals(0, result.exitStatus());
  }

  @Test
  void failingWorkloadIsCapturedWithItsStatus() {
    assertEquals(3, failing.exitStatus());
  }

  @Test
  @SuppressWarnings("try") // the lock is held by being open
  void heldLockRefusesASecondCaptureAndChangesNothing() {
    TracingState before = capture.readTouchedState();
    try (CaptureLock held = CaptureLock.acquire(TraceCapture.DEFAULT_LOCK_FILE)) {
      LiveKernelException e =
          assertThrows(
              LiveKernelException.class, () -> capture.capture(tmp.resolve("locked"), "true"));
      assertTrue(e.getMessage().contains("another capture is running"), e.getMessage());
    }
    assertEquals(before, capture.readTouchedState());
  }

  @Test
  void eventFilterIsRefusedNamingTheFile() throws IOException {
    Tracefs tracefs = Tracefs.locate();
    String filter = CaptureSettings.filterFile("kmalloc");
    TracingState before = capture.readTouchedState();
    tracefs.write(filter, "bytes_req > 0");
    try {
      LiveKernelException e =
          assertThrows(
              LiveKernelException.class, () -> capture.capture(tmp.resolve("filtered"), "true"));
      assertTrue(e.getMessage().contains(tracefs.root().resolve(filter).toString()));
    } finally {
      tracefs.write(filter, "0");
    }
    assertEquals(before, capture.readTouchedState());
  }

  @Test
  void nonEmptyOutputDirectoryIsRefused() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(out.resolve("old.txt"), "x");
    LiveKernelException e =
        assertThrows(LiveKernelException.class, () -> capture.capture(out, "true"));
    assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
  }

  private static List<String> traceLines() throws IOException {
    try (InputStream in =
        new XZInputStream(Files.newInputStream(result.directory().resolve("trace.txt.xz")))) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList();
    }
  }

  private static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
