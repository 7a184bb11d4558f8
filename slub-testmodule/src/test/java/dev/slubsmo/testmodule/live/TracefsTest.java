package dev.slubsmo.testmodule.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracefsTest {

  @Test
  void locateFindsTheRealTraceFile() {
    assertTrue(Files.isRegularFile(Tracefs.locate().root().resolve("trace")));
  }

  @Test
  void directoryWithoutTraceFileIsRefusedNamingIt(@TempDir Path dir) {
    LiveKernelException e = assertThrows(LiveKernelException.class, () -> Tracefs.at(dir));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
  }

  @Test
  void mountPointEscapesAreDecoded() {
    assertEquals("/mnt/a b\\c", Tracefs.unescapeMountPoint("/mnt/a\\040b\\134c"));
  }

  @Test
  void savedStateIsNormalisedForWritingBack() {
    TracingState state = TraceCapture.onThisMachine().readTouchedState();
    assertTrue(state.values().get("buffer_size_kb").matches("\\d+"), state.toString());
    assertTrue(state.values().get("trace_clock").matches("[\\w-]+"), state.toString());
    for (String event : CaptureSettings.KMEM_EVENTS) {
      assertTrue(state.values().get(CaptureSettings.enableFile(event)).matches("[01]"));
    }
  }
}
