package dev.slubsmo.sysfs;

import static dev.slubsmo.sysfs.Boot.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slubsmo.Machine;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import org.junit.jupiter.api.Test;

/** The model's per-cache failslab_probability, failslab_interval and failslab_times. */
class FailslabKnobsTest {
  private final Machine m = Boot.plain();
  private final SysfsTree sysfs = Boot.sysfs(m);
  private final KmemCache s = m.slub().createCache("faulty", 56, 0, 0, (mem, p) -> {});

  private String read(String attribute) {
    return sysfs.read(path("faulty", attribute));
  }

  private void write(String attribute, String value) {
    sysfs.write(path("faulty", attribute), value);
  }

  private Errno failedWrite(String attribute, String value) {
    return assertThrows(SysfsException.class, () -> write(attribute, value)).errno();
  }

  @Test
  void withoutAttributeTheKnobsReadTheKernelDefaults() {
    assertEquals("0\n", read("failslab_probability"));
    assertEquals("1\n", read("failslab_interval"));
    assertEquals("1\n", read("failslab_times"));
  }

  @Test
  void probabilityCreatesAFaultAttrKeepingTheOtherKnobs() {
    write("failslab_interval", "3\n");
    write("failslab_probability", "40\n");
    assertEquals(40, s.failslab().probability());
    assertEquals(3, s.failslab().interval());
    assertEquals(1, s.failslab().times());
  }

  @Test
  void certainFailureFailsTimesAllocations() {
    write("failslab_times", "2");
    write("failslab_probability", "100");
    assertEquals(0, s.alloc(m.cpu(0), Gfp.KERNEL));
    assertEquals(0, s.alloc(m.cpu(0), Gfp.KERNEL));
    assertEquals(true, s.alloc(m.cpu(0), Gfp.KERNEL) != 0);
    assertEquals("0\n", read("failslab_times"));
  }

  @Test
  void timesMinusOneNeverRunsOut() {
    write("failslab_times", "-1");
    write("failslab_probability", "100");
    for (int i = 0; i < 5; i++) {
      assertEquals(0, s.alloc(m.cpu(0), Gfp.KERNEL));
    }
    assertEquals("-1\n", read("failslab_times"));
  }

  @Test
  void probabilityAboveHundredIsEinval() {
    assertEquals(Errno.EINVAL, failedWrite("failslab_probability", "101"));
    assertNull(s.failslab());
  }

  @Test
  void intervalZeroIsEinval() {
    assertEquals(Errno.EINVAL, failedWrite("failslab_interval", "0"));
    assertNull(s.failslab());
  }

  @Test
  void timesBelowMinusOneIsEinval() {
    assertEquals(Errno.EINVAL, failedWrite("failslab_times", "-2"));
    assertNull(s.failslab());
  }
}
