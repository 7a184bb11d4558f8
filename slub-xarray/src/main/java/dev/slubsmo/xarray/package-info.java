/**
 * The XArray (lib/xarray.c, v5.2) over slub-core's simulated memory, with SMO's node migration
 * (patches 09-11).
 *
 * <h2>Pieces</h2>
 *
 * {@link dev.slubsmo.xarray.XArrayCache} owns the movable {@code xarray_node} cache of a machine,
 * the RCU queue of freed nodes and the registry from an array's address to its {@link
 * dev.slubsmo.xarray.XArray}. An {@code XArray} keeps {@code xa_head}, {@code xa_flags} and {@code
 * xa_lock}; its nodes are 576-byte {@code struct xa_node} images ({@link
 * dev.slubsmo.xarray.XaNode}) that only the bytes in memory describe, so a pointer that migration
 * forgets to fix is a real corruption that {@link dev.slubsmo.xarray.XArray#check} finds. {@code
 * XaState}, {@code XaStore} and {@code XaFind} are the {@code xas_*} internals; {@code XaMigrate}
 * is {@code xa_object_migrate}; {@link dev.slubsmo.xarray.SmoxTestModule} is the {@code
 * slub_defrag_xarray} test module.
 *
 * <h2>Locks and CPUs</h2>
 *
 * Order: a CPU ({@link dev.slubsmo.mm.Cpu#enter}), then {@code xa_lock}, then the slab locks. An
 * operation that may allocate enters its CPU before taking {@code xa_lock}; migration already holds
 * the shrinking CPU when it takes {@code xa_lock}. Readers take {@code xa_lock} too, since the
 * model's grace period does not wait for readers.
 *
 * <h2>RCU</h2>
 *
 * A node leaving a tree gets {@code array = XA_RCU_FREE} and waits in a queue; {@link
 * dev.slubsmo.xarray.XArrayCache#rcuBarrier} scrubs and frees every queued node. Migration skips
 * queued nodes and runs one barrier per batch, so SLUB sees the old slots free when it disposes of
 * the vacated slab.
 */
package dev.slubsmo.xarray;
