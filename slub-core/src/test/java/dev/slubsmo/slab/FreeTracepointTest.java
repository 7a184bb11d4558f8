package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreeTracepointTest {
  private final Machine m = Machines.plain();
  private final Cpu cpu = m.cpu(0);
  private final KmemCache s = m.slub().createCache("t64", 64, 0, 0, null, 0, -1);

  @Test
  void probeSeesEachFreeAfterTheSlabTookTheObjectBack() {
    long a = s.alloc(cpu, Gfp.KERNEL);
    long b = s.alloc(cpu, Gfp.KERNEL);
    List<String> seen = new ArrayList<>();
    m.slub()
        .setFreeTracepoint(
            (c, on, object) ->
                seen.add(c.name() + " " + on.id() + " " + object + " " + s.cpuSlab(0).freelist()));
    s.free(cpu, a);
    s.free(cpu, b);
    assertEquals(List.of("t64 0 " + a + " " + a, "t64 0 " + b + " " + b), seen);
  }

  @Test
  void detachedProbeSeesNothing() {
    long a = s.alloc(cpu, Gfp.KERNEL);
    List<Long> seen = new ArrayList<>();
    m.slub().setFreeTracepoint((c, on, object) -> seen.add(object));
    m.slub().setFreeTracepoint(null);
    s.free(cpu, a);
    assertEquals(List.of(), seen);
  }
}
