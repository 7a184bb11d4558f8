/**
 * Views of the model through the kernel's files: {@link dev.slubsmo.sysfs.SysfsTree} for {@code
 * /sys/kernel/slab/<cache>/<attribute>} (mm/slub.c show and store routines, SMO's {@code ops},
 * {@code defrag_used_ratio}, {@code move} and {@code balance}) and {@link
 * dev.slubsmo.sysfs.ProcFiles} for {@code /proc/slabinfo} and {@code /proc/buddyinfo}.
 *
 * <p>Reads are pure functions of model state; the package keeps no counters of its own. Writes
 * parse and check the whole value before they change anything, and fail with a {@link
 * dev.slubsmo.sysfs.SysfsException} carrying the kernel's errno, the path and the value.
 */
package dev.slubsmo.sysfs;
