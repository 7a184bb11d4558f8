/**
 * SLUB: caches, slabs, the allocation and free paths, sizing and shrink (mm/slub.c, v5.0).
 *
 * <h2>Lock order</h2>
 *
 * {@code slab_mutex} ({@link dev.slubsmo.slab.Slub#slabMutex}) → a CPU ({@link
 * dev.slubsmo.mm.Cpu#enter}) → {@code n.list_lock} ({@link dev.slubsmo.slab.CacheNode#listLock}) →
 * {@code slab_lock(page)} ({@link dev.slubsmo.slab.Slab#lock}). A thread holds at most one CPU
 * while it takes a list lock; cache-wide operations ({@code flush_all}, shrink, defrag) take CPUs
 * one at a time and never hold a list lock while waiting for a CPU. {@code flush_all} lets go of
 * its caller's CPUs before taking any other and takes them back at the end, so two threads flushing
 * at once never each hold the CPU the other waits for. A thread that holds a CPU between operations
 * blocks every {@code flush_all}: threads that keep a CPU must release it regularly.
 *
 * <h2>Slab states</h2>
 *
 * <pre>
 * state          frozen  on list          who may take objects from page.freelist
 * CPU_SLAB(c)    1       none             CPU c only
 * CPU_PARTIAL(c) 1       c's chain        CPU c only
 * NODE_PARTIAL   0       n.partial        whoever freezes it under list_lock
 * NODE_FULL      0       n.full           nobody (STORE_USER caches only)
 * UNLISTED_FULL  0       none             nobody; frozen onto a CPU chain by its first free
 * ISOLATED       1       SMO move list    nobody (only during defrag, move, balance)
 * </pre>
 *
 * A frozen slab is on no node list. Only its freezer may take its free objects or put it back.
 */
package dev.slubsmo.slab;
