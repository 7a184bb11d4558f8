package dev.slubsmo.testmodule.trace;

/**
 * One slab event of the kernel's {@code kmem} trace system (include/trace/events/kmem.h), as read
 * from one line of ftrace or {@code trace-cmd report} text.
 *
 * <p>Frees carry no sizes: {@code bytesReq}, {@code bytesAlloc} are 0, {@code gfpFlags} is null,
 * {@code node} is -1 and {@code accounted} false. A {@code kfree} of a null pointer is legal and
 * does nothing in the kernel; it is still delivered as an event ({@link #isNullFree()}) so that
 * event counts match the trace, and callers that model memory skip it.
 *
 * @param kind which tracepoint fired
 * @param cpu the CPU the event was recorded on
 * @param timestampNanos trace clock time in nanoseconds, converted exactly from the printed seconds
 * @param ptr the object pointer as printed: the kernel's {@code %p} hash (equal hash, same object
 *     within one boot) or, from {@code trace-cmd}, the raw address; 0 for a null pointer
 * @param cacheName the {@code name=} field of {@code kmem_cache_alloc}/{@code kmem_cache_free}
 *     (Linux 6.1 and later); null for {@code kmalloc}/{@code kfree} and for older kernels
 * @param bytesReq bytes the caller asked for (allocations only)
 * @param bytesAlloc bytes the allocator handed out (allocations only)
 * @param gfpFlags the {@code gfp_flags} text as printed, e.g. {@code GFP_KERNEL|__GFP_ZERO} or
 *     {@code 0xdc0}; null for frees
 * @param node the NUMA node asked for, -1 for any (also when the trace does not print it)
 * @param accounted whether the object is charged to a memory cgroup (false when not printed)
 * @param callSite the {@code call_site} field as printed, a symbol+offset or an address
 * @param task the command name of the task that ran the event ({@code <idle>}, {@code <...>} when
 *     the tracer did not record it)
 * @param pid the process id printed after the task name
 * @param lineNumber 1-based line number of the event in its trace text
 */
public record TraceEvent(
    Kind kind,
    int cpu,
    long timestampNanos,
    long ptr,
    String cacheName,
    long bytesReq,
    long bytesAlloc,
    String gfpFlags,
    int node,
    boolean accounted,
    String callSite,
    String task,
    int pid,
    long lineNumber) {

  /** The four {@code kmem} tracepoints that allocate or free slab objects. */
  public enum Kind {
    /** {@code kmem_cache_alloc} (and the pre-6.1 {@code kmem_cache_alloc_node}). */
    CACHE_ALLOC,
    /** {@code kmem_cache_free}. */
    CACHE_FREE,
    /** {@code kmalloc} (and the pre-6.1 {@code kmalloc_node}). */
    KMALLOC,
    /** {@code kfree}. */
    KFREE;

    public boolean isAlloc() {
      return this == CACHE_ALLOC || this == KMALLOC;
    }
  }

  public boolean isAlloc() {
    return kind.isAlloc();
  }

  /** True for a free of the null pointer, which the kernel accepts and ignores. */
  public boolean isNullFree() {
    return !kind.isAlloc() && ptr == 0;
  }
}
