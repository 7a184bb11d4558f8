package dev.slubsmo.xarray;

import static dev.slubsmo.xarray.XaEntry.isNode;
import static dev.slubsmo.xarray.XaEntry.mkNode;
import static dev.slubsmo.xarray.XaEntry.toNode;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.smo.MigrateFunc;

/**
 * The {@code xarray_node} migrate callback ({@code xa_migrate}, SMO patch 10, spec smo.md 10.2).
 *
 * <p>Per node: skip it unless its {@code array} names a live array; allocate the replacement on the
 * target node; under {@code xa_lock}, recheck {@code array}, copy the node, move its {@code
 * private_list} linkage, repoint every child's {@code parent} and the one incoming pointer (the
 * parent's slot or {@code xa_head}); unlock and free the old node through RCU. One {@code
 * rcu_barrier} per call makes every old slot really free before SLUB looks at the slab (K13 fixed:
 * batched, and the old node's list reinitialised before it is freed).
 *
 * <p>Not final: tests plant a fault by overriding {@link #adoptChildren}.
 */
class XaMigrate implements MigrateFunc {
  /** The line {@code xa_object_migrate} logs when the replacement cannot be allocated. */
  static final String ALLOC_FAILED = "xa_object_migrate: slab cache allocation failed";

  private final XArrayCache xc;

  XaMigrate(XArrayCache xc) {
    this.xc = xc;
  }

  @Override
  public void migrate(KmemCache s, long[] objects, int count, int node, Object priv) {
    Cpu cpu = xc.runningCpu();
    for (int i = 0; i < count; i++) {
      if (objects[i] != 0) {
        migrateObject(cpu, objects[i], node);
      }
    }
    xc.rcuBarrier(cpu);
  }

  /** {@code xa_object_migrate}. */
  private void migrateObject(Cpu cpu, long old, int targetNode) {
    XaNode nodes = xc.nodes();
    long array = nodes.array(old);
    if (array == 0 || array == XaNode.RCU_FREE) {
      return;
    }
    XArray xa = xc.arrayAt(array);
    if (xa == null) {
      throw new IllegalStateException(
          String.format("xa_object_migrate: node 0x%x names no xarray (array 0x%x)", old, array));
    }
    long repl = xc.cache().allocNode(cpu, Gfp.KERNEL, targetNode);
    if (repl == 0) {
      xc.machine().log().printk(ALLOC_FAILED);
      return;
    }
    xa.lock.lock();
    try {
      if (nodes.array(old) != array) {
        xc.nodeFree(repl);
        return;
      }
      nodes.copy(old, repl);
      if (nodes.listEmpty(old)) {
        nodes.initList(repl);
      } else {
        nodes.listReplace(old, repl);
        nodes.initList(old);
      }
      adoptChildren(nodes, old, repl);
      long parent = nodes.parent(old);
      if (parent == 0) {
        xa.head = mkNode(repl);
      } else {
        nodes.setSlot(parent, nodes.offset(old), mkNode(repl));
      }
    } finally {
      xa.lock.unlock();
    }
    xc.nodeFree(old);
  }

  /** Step 6: every child node of {@code old} gets {@code repl} as its parent. */
  void adoptChildren(XaNode nodes, long old, long repl) {
    for (int off = 0; off < XaNode.CHUNK_SIZE; off++) {
      long e = nodes.slot(old, off);
      if (isNode(e)) {
        nodes.setParent(toNode(e), repl);
      }
    }
  }
}
