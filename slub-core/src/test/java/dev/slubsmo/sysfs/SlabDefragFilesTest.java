package dev.slubsmo.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.smo.DefragDaemon;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /sys/kernel/mm/slab_defrag}: reads, stores, and refused writes that change nothing. */
class SlabDefragFilesTest {
  private final Machine m = Machine.boot();
  private final DefragDaemon d = m.defragDaemon();
  private final SlabDefragFiles files = new SlabDefragFiles(d);

  @AfterEach
  void stop() {
    m.shutdown();
  }

  private static String path(String file) {
    return SlabDefragFiles.DIR + "/" + file;
  }

  private Errno failedWrite(String file, String value) {
    return assertThrows(SysfsException.class, () -> files.write(path(file), value)).errno();
  }

  @Test
  void knobsReadAsTheDaemonHoldsThem() {
    assertEquals("0\n", files.read(path("enabled")));
    assertEquals(d.intervalMs() + "\n", files.read(path("interval_ms")));
    assertEquals(d.thresholdLower() + "\n", files.read(path("threshold_lower")));
    assertEquals(d.thresholdUpper() + "\n", files.read(path("threshold_upper")));
    assertEquals(d.cycleBudgetUs() + "\n", files.read(path("cycle_budget_us")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cycles", "objects_moved", "slabs_freed"})
  void countersStartAtZeroAndRefuseWrites(String counter) {
    assertEquals("0\n", files.read(path(counter)));
    assertEquals(Errno.EACCES, failedWrite(counter, "0\n"));
  }

  @ParameterizedTest
  @CsvSource({"interval_ms, 250", "cycle_budget_us, 700", "threshold_lower, 5"})
  void storedKnobReadsBack(String knob, String value) {
    files.write(path(knob), value + "\n");
    assertEquals(value + "\n", files.read(path(knob)));
  }

  @Test
  void enabledStartsAndStopsTheDaemon() {
    files.write(path("enabled"), "1\n");
    assertTrue(d.enabled());
    files.write(path("enabled"), "0\n");
    assertFalse(d.enabled());
  }

  @ParameterizedTest
  @CsvSource({
    "enabled, 2",
    "interval_ms, 0",
    "interval_ms, 60001",
    "cycle_budget_us, 0",
    "threshold_upper, 101",
    "interval_ms, ten",
    "interval_ms, -5",
    "interval_ms, 4294967295"
  })
  void outOfRangeOrMalformedValueIsEinvalAndChangesNothing(String knob, String value) {
    String before = files.read(path(knob));
    assertEquals(Errno.EINVAL, failedWrite(knob, value + "\n"));
    assertEquals(before, files.read(path(knob)));
  }

  @Test
  void lowerThresholdAtOrAboveUpperIsEinval() {
    String upper = files.read(path("threshold_upper")).strip();
    SysfsException e =
        assertThrows(SysfsException.class, () -> files.write(path("threshold_lower"), upper));
    assertEquals(Errno.EINVAL, e.errno());
    assertTrue(e.getMessage().contains("below threshold_upper"), e.getMessage());
  }

  @Test
  void valueAboveUintMaxIsErange() {
    assertEquals(Errno.ERANGE, failedWrite("interval_ms", "4294967296"));
  }

  @Test
  void unknownFileIsEnoent() {
    SysfsException e = assertThrows(SysfsException.class, () -> files.read(path("pages_to_scan")));
    assertEquals(Errno.ENOENT, e.errno());
    assertTrue(e.getMessage().contains("pages_to_scan"), e.getMessage());
  }

  @Test
  void directoryListsEveryFileAndCannotBeRead() {
    assertEquals(
        List.of(
            "cycle_budget_us",
            "cycles",
            "enabled",
            "interval_ms",
            "objects_moved",
            "slabs_freed",
            "threshold_lower",
            "threshold_upper"),
        files.list(SlabDefragFiles.DIR));
    for (String f : files.list(SlabDefragFiles.DIR)) {
      assertTrue(files.read(path(f)).endsWith("\n"), f);
    }
    assertEquals(
        Errno.EISDIR,
        assertThrows(SysfsException.class, () -> files.read(SlabDefragFiles.DIR)).errno());
  }
}
