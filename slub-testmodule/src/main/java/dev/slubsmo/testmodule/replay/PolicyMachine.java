package dev.slubsmo.testmodule.replay;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.Kmalloc;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.MainlineShrink;
import dev.slubsmo.slab.ObjectCtor;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.StatItem;
import dev.slubsmo.smo.Defrag;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.smo.MoveAnswer;
import dev.slubsmo.smo.Smo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One policy's model machine: applies the ledger's operations, keeps the trace pointer of every
 * object it holds, and runs the policy's defrag or final shrink.
 *
 * <p>Each object's first 8 bytes hold its trace pointer (0 for a pre-populated object), so a
 * migrate that copies an object also carries the key that finds it, and repointing is one map
 * update. Objects SMO reclaimed are gone from the map; a later free of one is counted and skipped.
 */
final class PolicyMachine {
  /** Bytes of an object's payload the replay uses: its trace pointer. */
  static final int PAYLOAD = Long.BYTES;

  private final PolicySetup setup;
  private final Machine machine;
  private final PhysicalMemory memory;
  private final Kmalloc kmalloc;
  private final Cpu[] cpus;
  private final List<KmemCache> caches = new ArrayList<>();
  private final List<PrepopulatedPool> pools = new ArrayList<>();
  private final PointerMap objects = new PointerMap();
  private final Timeline timeline = new Timeline();
  private long[] reclaimed = new long[16];
  private long[] freedAfterReclaim = new long[16];
  private long nextDefrag;

  PolicyMachine(PolicySetup setup, long seed) {
    this.setup = setup;
    this.machine = SnapshotMachine.boot(seed);
    this.memory = machine.pages().memory();
    this.kmalloc = machine.slub().kmalloc();
    this.cpus = machine.cpus().toArray(new Cpu[0]);
    this.nextDefrag = setup.policy().interval();
  }

  PolicySetup setup() {
    return setup;
  }

  Machine machine() {
    return machine;
  }

  KmemCache cache(int index) {
    return caches.get(index);
  }

  int cacheCount() {
    return caches.size();
  }

  PointerMap objects() {
    return objects;
  }

  PrepopulatedPool pool(int index) {
    return pools.get(index);
  }

  Timeline timeline() {
    return timeline;
  }

  long reclaimed(int index) {
    return reclaimed[index];
  }

  long freedAfterReclaim(int index) {
    return freedAfterReclaim[index];
  }

  /** Objects that left {@code index}'s slabs through SMO: moved or reclaimed. */
  long moved(int index) {
    KmemCache s = caches.get(index);
    long n = 0;
    for (int c = 0; c < s.cpuCount(); c++) {
      n += s.cpuSlab(c).stat(StatItem.SMO_OBJECTS_MOVED);
    }
    return n;
  }

  /** Applies one batch, creating and pre-populating the caches it introduces first. */
  void apply(OpBatch b) {
    while (caches.size() < b.specs.size()) {
      addCache(b.specs.get(caches.size()));
    }
    long interval = setup.policy().interval();
    for (int i = 0; i < b.size; i++) {
      if (interval > 0 && b.event[i] > nextDefrag) {
        defrag(b.event[i] - 1);
      }
      switch (b.op[i]) {
        case OpBatch.ALLOC:
          alloc(b.cache[i], cpus[b.cpu[i]], b.ptr[i], b.gfp[i], b.node[i]);
          break;
        case OpBatch.FREE:
          free(b.cache[i], cpus[b.cpu[i]], objects.remove(b.ptr[i]));
          break;
        default:
          free(b.cache[i], cpus[b.cpu[i]], pools.get(b.cache[i]).removeAt(b.slot[i]));
          break;
      }
    }
    if (interval > 0 && b.lastEvent >= nextDefrag) {
      defrag(b.lastEvent);
    }
    timeline.offer(b.lastNanos, slabPages());
  }

  /** The policy's last step: a shrink of every cache, mainline or SMO, or nothing. */
  void finish() {
    switch (setup.policy().kind()) {
      case SHRINK:
        for (KmemCache s : caches) {
          MainlineShrink.shrink(s);
        }
        break;
      case SMO_KERNEL:
      case SMO_MINIMAL:
        for (KmemCache s : caches) {
          Defrag.shrink(s, cpus[0], setup.policy().finalPlacement());
        }
        break;
      default:
        break;
    }
  }

  /** Slab pages of the replay's caches now. */
  long slabPages() {
    long pages = 0;
    for (KmemCache s : caches) {
      for (int n = 0; n < s.nodeCount(); n++) {
        pages += s.node(n).nrSlabs() << s.order();
      }
    }
    return pages;
  }

  /** Lets another thread drive this machine next. */
  void releaseCpus() {
    machine.releaseCpus();
  }

  private void defrag(long afterEvent) {
    while (afterEvent >= nextDefrag) {
      Defrag.defragSlabs(machine.slub(), cpus[0], -1);
      nextDefrag += setup.policy().interval();
    }
  }

  private void alloc(int index, Cpu cpu, long ptr, int gfp, int node) {
    KmemCache s = caches.get(index);
    long addr = node < 0 ? s.alloc(cpu, gfp) : s.allocNode(cpu, gfp, node);
    if (addr == 0) {
      throw outOfMemory(s);
    }
    memory.writeLong(addr, ptr);
    if (objects.put(ptr, addr) != PointerMap.ABSENT) {
      throw new IllegalStateException("replay: trace pointer allocated twice without a free");
    }
  }

  private void free(int index, Cpu cpu, long addr) {
    if (addr == PointerMap.ABSENT || addr == 0) {
      freedAfterReclaim[index]++;
    } else {
      kmalloc.kfree(cpu, addr);
    }
  }

  private void addCache(CacheSpec spec) {
    KmemCache s =
        spec.source() == CacheSpec.Source.KMALLOC
            ? machine.slub().cache(spec.name())
            : machine
                .slub()
                .createCache(
                    spec.name(),
                    spec.objectSize(),
                    spec.align(),
                    spec.flags(),
                    spec.ctor() == null ? null : noOpCtor(spec.ctor()),
                    spec.usersize(),
                    spec.freeptr());
    int index = caches.size();
    caches.add(s);
    if (reclaimed.length <= index) {
      reclaimed = Arrays.copyOf(reclaimed, index * 2);
      freedAfterReclaim = Arrays.copyOf(freedAfterReclaim, index * 2);
    }
    switch (setup.roleOf(spec.name())) {
      case MOVE:
        Smo.setupMobilityWhatIf(
            s,
            Mobility.of(
                null, (c, objs, n, node, p) -> migrate(index, c, objs, n, node), "replay_migrate"));
        break;
      case RECLAIM:
        Smo.setupMobilityWhatIf(
            s, Mobility.perObject(null, (c, o, n, p) -> reclaim(index, o), "replay_reclaim"));
        break;
      default:
        break;
    }
    pools.add(prepopulate(s, spec.start()));
  }

  /**
   * Allocates the objects of {@code layout.slabs()} slabs, keeps in each slab, in the order the
   * slabs filled, as many as the layout says, frees the others, and flushes the CPU slabs so the
   * cache starts with its slabs on the node lists. The kept objects form the pool.
   */
  private PrepopulatedPool prepopulate(KmemCache s, StartLayout layout) {
    PrepopulatedPool pool = new PrepopulatedPool();
    if (layout.objects() == 0) {
      return pool;
    }
    int per = s.objsPerSlab();
    Map<Slab, List<Long>> bySlab = new LinkedHashMap<>();
    for (long i = 0; i < layout.slabs() * per; i++) {
      long addr = s.alloc(cpus[0], Gfp.KERNEL);
      if (addr == 0) {
        throw outOfMemory(s);
      }
      bySlab.computeIfAbsent(machine.slub().slabOf(addr), k -> new ArrayList<>()).add(addr);
    }
    long slab = 0;
    for (List<Long> objs : bySlab.values()) {
      long keep = Math.min(objs.size(), layout.keep(slab++, per));
      for (int j = 0; j < objs.size(); j++) {
        if (j < keep) {
          memory.writeLong(objs.get(j), 0);
          pool.add(objs.get(j));
        } else {
          s.free(cpus[0], objs.get(j));
        }
      }
    }
    s.flushAll();
    return pool;
  }

  /**
   * The replay's {@code migrate}: each object gets a replacement on {@code node}, its bytes are
   * copied (the trace pointer with them), the pointer map or pool is repointed, and the old object
   * is freed. Runs on the CPU of the shrink or defrag that called it.
   */
  private void migrate(int index, KmemCache s, long[] objs, int count, int node) {
    Cpu cpu = Cpu.current();
    int bytes = Math.max(s.objectSize(), PAYLOAD);
    for (int i = 0; i < count; i++) {
      long old = objs[i];
      if (old == 0) {
        continue;
      }
      long fresh = s.allocNode(cpu, Gfp.KERNEL, node);
      if (fresh == 0) {
        return;
      }
      memory.copy(old, fresh, bytes);
      long ptr = memory.readLong(fresh);
      if (ptr != 0) {
        objects.put(ptr, fresh);
      } else {
        pools.get(index).moved(old, fresh);
      }
      s.free(cpu, old);
    }
  }

  /** The reclaim form of migrate: forget the object and let SMO free it. */
  private MoveAnswer reclaim(int index, long object) {
    long ptr = memory.readLong(object);
    if (ptr != 0) {
      objects.remove(ptr);
    } else {
      pools.get(index).reclaimed(object);
    }
    reclaimed[index]++;
    return MoveAnswer.DONT_NEED;
  }

  private static ObjectCtor noOpCtor(String symbol) {
    return new ObjectCtor() {
      @Override
      public void construct(PhysicalMemory memory, long object) {}

      @Override
      public String symbol() {
        return symbol;
      }
    };
  }

  private IllegalStateException outOfMemory(KmemCache s) {
    return new IllegalStateException(
        "replay: the model machine ran out of memory ("
            + (SnapshotMachine.MEMORY_PER_NODE >> 20)
            + " MiB per node) allocating from "
            + s.name());
  }
}
