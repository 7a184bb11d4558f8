package dev.slubsmo.testmodule.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaptureHostTest {

  @Test
  void otherOperatingSystemIsRefusedByName() {
    LiveKernelException e =
        assertThrows(
            LiveKernelException.class, () -> new CaptureHost("Mac OS X", 0).requireCapable());
    assertTrue(e.getMessage().contains("Mac OS X"), e.getMessage());
  }

  @Test
  void nonRootIsRefusedWithTheUid() {
    LiveKernelException e =
        assertThrows(
            LiveKernelException.class, () -> new CaptureHost("Linux", 1000).requireCapable());
    assertTrue(e.getMessage().contains("root") && e.getMessage().contains("1000"));
  }

  @Test
  void thisMachineRunsAsRootOnLinux() {
    CaptureHost host = CaptureHost.current();
    assertEquals(new CaptureHost("Linux", 0), host);
    host.requireCapable();
  }
}
