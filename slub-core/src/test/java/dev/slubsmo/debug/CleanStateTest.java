package dev.slubsmo.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.GeometryProfile;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.ShrinkMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invariant holds after each step of a seeded mix of allocs, frees, flushes and shrinks. */
class CleanStateTest {
  private static final int STEPS = 3000;

  static Stream<Arguments> machines() {
    List<Arguments> out = new ArrayList<>();
    for (int nodes : new int[] {1, 2}) {
      for (String debug : new String[] {"none", "FZPU"}) {
        for (ShrinkMode mode : ShrinkMode.values()) {
          for (GeometryProfile profile : GeometryProfile.values()) {
            out.add(Arguments.of(nodes, debug, mode, profile));
          }
        }
      }
    }
    return out.stream();
  }

  private record Live(KmemCache cache, long object) {}

  @ParameterizedTest(name = "{0} nodes, slub_debug {1}, {2} shrink, {3}")
  @MethodSource("machines")
  void invariantsHoldAfterEveryStep(
      int nodes, String debug, ShrinkMode mode, GeometryProfile profile) {
    MachineOptions options =
        MachineOptions.defaults().withShrinkMode(mode).withProfile(profile).withSeed(7);
    if (debug.equals("FZPU")) {
      options = options.withSlubDebug(SlubDebugOption.parse(null));
    }
    Machine m = new Machine(new MachineConfig(nodes, 2 * nodes, 64L << 20), options);
    List<KmemCache> caches =
        List.of(
            m.slub().createCache("mix_small", 40, 0, 0, null),
            m.slub().createCache("mix_ctor", 56, 0, 0, (mem, p) -> mem.writeLong(p, 1)),
            m.slub().createCache("mix_large", 1500, 0, 0, null));
    SplittableRandom rnd = new SplittableRandom(11);
    List<Live> live = new ArrayList<>();
    int frees = 0;
    for (int step = 0; step < STEPS; step++) {
      Cpu cpu = m.cpu(rnd.nextInt(m.cpus().size()));
      KmemCache s = caches.get(rnd.nextInt(caches.size()));
      int op = rnd.nextInt(100);
      if (op < 45) {
        long p =
            op < 35 ? s.alloc(cpu, Gfp.KERNEL) : s.allocNode(cpu, Gfp.KERNEL, rnd.nextInt(nodes));
        live.add(new Live(s, p));
      } else if (op < 90 && !live.isEmpty()) {
        Live l = live.remove(rnd.nextInt(live.size()));
        l.cache().free(cpu, l.object());
        frees++;
      } else if (op < 95) {
        s.shrink(cpu);
      } else {
        s.flushAll();
      }
      InvariantChecker.check(m);
    }
    assertTrue(frees > STEPS / 4, "the mix freed " + frees + " objects");
    for (Live l : live) {
      l.cache().free(m.cpu(0), l.object());
    }
    for (KmemCache s : caches) {
      s.shrink(m.cpu(0));
    }
    assertEquals(List.of(), InvariantChecker.violations(m));
  }
}
