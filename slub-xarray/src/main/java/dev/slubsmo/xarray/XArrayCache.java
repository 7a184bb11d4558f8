package dev.slubsmo.xarray;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.ObjectCtor;
import dev.slubsmo.slab.SlabFlags;
import dev.slubsmo.smo.MigrateFunc;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.smo.Smo;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The XArray's per-machine state (SMO patch 09, {@code xarray_slabcache_init}): the movable {@code
 * xarray_node} cache, the RCU queue of freed nodes, and the registry that maps an array's address
 * (what its nodes hold in {@code array}) back to the {@link XArray}, so migration can find the
 * array and its lock from a bare node.
 *
 * <p>Each array's address is a 16-byte kmalloc object standing in for its {@code struct xarray}
 * (spinlock, flags, head: 16 bytes on 64-bit), so addresses are unique and owned by the machine.
 */
public final class XArrayCache {
  public static final String NAME = "xarray_node";

  /**
   * Per machine, weakly both ways: the machine keeps its XArrayCache alive through the cache's
   * migrate callback, so the reference here never outlives a live machine nor pins a dead one.
   */
  private static final Map<Machine, WeakReference<XArrayCache>> BOOTED = new WeakHashMap<>();

  private final Machine machine;
  private final XaNode nodes;
  private final KmemCache cache;
  private final XaRcu rcu;
  private final Map<Long, XArray> arrays = new ConcurrentHashMap<>();

  /** The machine's XArray state, created on first use as {@code start_kernel} would at boot. */
  public static XArrayCache of(Machine m) {
    synchronized (BOOTED) {
      WeakReference<XArrayCache> ref = BOOTED.get(m);
      XArrayCache xc = ref == null ? null : ref.get();
      if (xc == null) {
        xc = new XArrayCache(m, XaMigrate::new);
        BOOTED.put(m, new WeakReference<>(xc));
      }
      return xc;
    }
  }

  /**
   * Creates {@code xarray_node} on {@code m} with the given migrate callback (tests plant faults
   * here); {@link #of} is the only other caller.
   */
  XArrayCache(Machine m, Function<XArrayCache, MigrateFunc> migrate) {
    this.machine = m;
    this.nodes = new XaNode(m.slub().memory());
    this.cache =
        m.slub()
            .createCache(
                NAME,
                XaNode.SIZE,
                0,
                SlabFlags.PANIC | SlabFlags.RECLAIM_ACCOUNT,
                new NodeCtor(nodes));
    this.rcu = new XaRcu(cache, nodes);
    Smo.setupMobility(cache, Mobility.of(null, migrate.apply(this), "xa_migrate+0x0/0x1c0"));
  }

  /** The {@code xarray_node} constructor: a zeroed node with an empty {@code private_list}. */
  private record NodeCtor(XaNode nodes) implements ObjectCtor {
    @Override
    public void construct(PhysicalMemory memory, long object) {
      nodes.construct(object);
    }

    @Override
    public String symbol() {
      return "xa_node_ctor+0x0/0x40";
    }
  }

  public Machine machine() {
    return machine;
  }

  /** The {@code xarray_node} cache. */
  public KmemCache cache() {
    return cache;
  }

  /** The node layout over this machine's memory. */
  public XaNode nodes() {
    return nodes;
  }

  /**
   * {@code xa_init_flags}: a new empty array; {@code flags} is 0 or {@link XArray#FLAGS_ALLOC}.
   *
   * @throws XaException ENOMEM when its 16-byte {@code struct xarray} cannot be allocated
   */
  public XArray create(Cpu cpu, int flags) {
    if (flags != 0 && flags != XArray.FLAGS_ALLOC) {
      throw new IllegalArgumentException(
          "xa_init_flags: flags must be 0 or XA_FLAGS_ALLOC (0x"
              + Integer.toHexString(XArray.FLAGS_ALLOC)
              + "), got 0x"
              + Integer.toHexString(flags));
    }
    long address = machine.slub().kmalloc().kmalloc(cpu, 16, Gfp.KERNEL, KmemCache.NO_NODE);
    if (address == 0) {
      throw new XaException(XaException.ENOMEM, "xa_init_flags");
    }
    XArray xa = new XArray(this, address, flags);
    arrays.put(address, xa);
    return xa;
  }

  /**
   * Unregisters an empty array and frees its {@code struct xarray}; the array is unusable after.
   *
   * @throws IllegalStateException when the array still has entries (destroy it first)
   */
  public void remove(Cpu cpu, XArray xa) {
    if (arrays.get(xa.address()) != xa) {
      throw new IllegalArgumentException(
          xa + " is not registered with " + NAME + " of this machine");
    }
    if (!xa.empty()) {
      throw new IllegalStateException(xa + " still has entries: xa_destroy it before removing it");
    }
    xa.markRemoved();
    arrays.remove(xa.address());
    machine.slub().kmalloc().kfree(cpu, xa.address());
  }

  /** The array whose address is {@code address}, or null. */
  public XArray arrayAt(long address) {
    return arrays.get(address);
  }

  /** {@code rcu_barrier}: frees every node freed so far, on {@code cpu}. */
  public void rcuBarrier(Cpu cpu) {
    cpu.enter();
    rcu.barrier(cpu);
  }

  /** Nodes freed but still waiting for {@link #rcuBarrier}. */
  public int pendingRcuFrees() {
    return rcu.pending();
  }

  /** {@code kmem_cache_alloc(xarray_node, GFP_KERNEL)}: a node, or 0. */
  long allocNode(Cpu cpu) {
    return cache.alloc(cpu, Gfp.KERNEL);
  }

  /**
   * {@code xa_node_free}: marks the node {@code XA_RCU_FREE} and hands it to RCU. XA_DEBUG's check
   * that nobody still lists the node is a BUG here.
   */
  void nodeFree(long node) {
    if (!nodes.listEmpty(node)) {
      throw new IllegalStateException(
          String.format(
              "kernel BUG: xa_node_free: node 0x%x is still on a private_list (next 0x%x)",
              node, nodes.listNext(node)));
    }
    nodes.setArray(node, XaNode.RCU_FREE);
    rcu.callRcu(node);
  }

  /** The CPU the calling thread runs on: the first one it holds (migrate has no CPU argument). */
  Cpu runningCpu() {
    for (Cpu c : machine.cpus()) {
      if (c.heldByCurrentThread()) {
        return c;
      }
    }
    throw new IllegalStateException("the calling thread holds no CPU of " + machine);
  }
}
