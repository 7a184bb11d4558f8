package dev.slubsmo.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.StatItem;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The race SMO's K21 names, forced deterministically: the shrinker's migrate reaches the victim,
 * lets its owner (another thread, on another CPU) free it, and only then goes on. With no isolate
 * callback nothing pinned the victim, so the free lands on the isolated (frozen) slab; the migrate
 * callback must find the victim gone under its own lock and skip it.
 */
class MigrateFreeRaceTest {
  private static final long TIMEOUT_SECONDS = 20;

  private final Machine machine =
      new Machine(new MachineConfig(1, 2, 16L << 20), MachineOptions.defaults());
  private final Cpu shrinker = machine.cpu(0);
  private final Cpu owner = machine.cpu(1);

  private static final int SLABS = 3;
  private static final int KEEP = 2;

  /** {@link #SLABS} slabs with {@link #KEEP} live objects each; returns the number kept. */
  private static int sparseSlabs(MovableObjects objects, Cpu cpu) {
    int perSlab = objects.cache.objsPerSlab();
    for (int i = 0; i < SLABS * perSlab; i++) {
      objects.alloc(cpu);
    }
    int kept = 0;
    for (long id = 0; id < SLABS * perSlab; id++) {
      if (id % perSlab >= KEEP) {
        objects.free(cpu, id);
      } else {
        kept++;
      }
    }
    return kept;
  }

  /** Shrinks while the owner thread frees {@code victim} at the moment migrate reaches it. */
  private void shrinkWhileOwnerFrees(MovableObjects objects, long victim) throws Exception {
    long address = objects.addressOf(victim);
    CountDownLatch reached = new CountDownLatch(1);
    CountDownLatch freed = new CountDownLatch(1);
    objects.beforeMove(
        p -> {
          if (p == address) {
            reached.countDown();
            await(freed);
          }
        });
    Thread ownerThread =
        new Thread(
            () -> {
              await(reached);
              assertTrue(objects.free(owner, victim));
              machine.releaseCpus();
              freed.countDown();
            },
            "owner");
    ownerThread.start();
    machine.releaseCpus();
    objects.cache.shrink(shrinker);
    machine.releaseCpus();
    ownerThread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    assertEquals(0, freed.getCount(), "the owner never freed the victim");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("handshake timed out\n" + Watchdog.threadDump());
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void migrateSkipsAnObjectItsOwnerFreedAfterTheVectorWasBuilt() throws Exception {
    MovableObjects objects =
        new MovableObjects(machine, "k21_recheck", 48, MovableObjects.Migration.RECHECK);
    int kept = sparseSlabs(objects, shrinker);
    shrinkWhileOwnerFrees(objects, 0);

    assertEquals(0, objects.addressOf(0), "the freed victim stays freed");
    assertEquals(1, objects.skipped());
    assertEquals(kept - 1, objects.moved());
    assertEquals(1, objects.cache.cpuSlab(owner.id()).stat(StatItem.FREE_FROZEN));
    assertEquals(List.of(), objects.damage());
    InvariantChecker.check(machine);
    assertEquals(
        new HashSet<>(objects.live().values()),
        CacheContents.allocated(machine, objects.cache),
        "allocated objects are exactly the live ones: no replacement leaked, nothing freed twice");
  }

  @Test
  void migrateWithoutRecheckResurrectsTheFreedObject() throws Exception {
    MovableObjects objects =
        new MovableObjects(machine, "k21_unchecked", 48, MovableObjects.Migration.UNCHECKED);
    sparseSlabs(objects, shrinker);
    shrinkWhileOwnerFrees(objects, 0);

    assertNotEquals(0, objects.addressOf(0), "the owner freed it, yet it is live again");
    assertNotEquals(
        List.of(), InvariantChecker.violations(machine), "its old slot was freed twice");
  }
}
