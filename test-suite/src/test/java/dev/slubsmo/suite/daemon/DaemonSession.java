package dev.slubsmo.suite.daemon;

import dev.slubsmo.suite.transport.Transport;

/**
 * A debug machine with slub_defrag loaded and smo_test movable, driven only through commands over a
 * transport, with the readings the daemon tests compare: sysfs counts of smo_test and the daemon's
 * files.
 */
final class DaemonSession implements AutoCloseable {
  static final String CALLFN = "/sys/kernel/debug/smo/callfn";
  static final String SLAB = "/sys/kernel/slab/smo_test/";
  static final String DEFRAG = "/sys/kernel/mm/slab_defrag/";

  private final Transport transport;

  DaemonSession(Transport transport) {
    this.transport = transport;
    run("machine slub_debug");
    run("echo enable > " + CALLFN);
  }

  String run(String line) {
    return transport.execute(line);
  }

  /** The first number of a sysfs file (a count before its per-node breakdown). */
  long sysfs(String path) {
    return Long.parseLong(run("cat " + path).strip().split(" ")[0]);
  }

  long slab(String attribute) {
    return sysfs(SLAB + attribute);
  }

  long daemon(String file) {
    return sysfs(DEFRAG + file);
  }

  void set(String knob, long value) {
    run("echo " + value + " > " + DEFRAG + knob);
  }

  /** Free slots on partial slabs as a whole percentage of capacity: 1 - objects/total_objects. */
  long fragmentation() {
    long total = slab("total_objects");
    return total == 0 ? 0 : 100 * (total - slab("objects")) / total;
  }

  /**
   * Fills {@code slabs} slabs, then frees all but {@code keep} objects of each. The frees name list
   * positions, and a migration moves objects to the list's tail, so this runs with the daemon off:
   * a daemon working in between would make later frees hit other slabs.
   */
  void fragment(int slabs, int keep) {
    long per = slab("objs_per_slab");
    run("echo alloc " + slabs * per + " > " + CALLFN);
    for (int i = 0; i < slabs; i++) {
      run("echo free " + (per - keep) + " " + (keep * i + 1) + " > " + CALLFN);
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
