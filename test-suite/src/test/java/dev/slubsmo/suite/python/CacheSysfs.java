package dev.slubsmo.suite.python;

import dev.slubsmo.suite.transport.Transport;

/**
 * A cache's sysfs files as the suite reads them: {@code cat /sys/kernel/slab/CACHE/FILE}, first
 * token as an integer; and the shrink {@code slabinfo CACHE -s} performs, {@code echo 1 >
 * .../shrink}.
 */
final class CacheSysfs {
  private final Transport machine;
  private final String dir;

  CacheSysfs(Transport machine, String cache) {
    this.machine = machine;
    this.dir = "/sys/kernel/slab/" + cache + "/";
  }

  long value(String file) {
    String text = machine.execute("cat " + dir + file).strip();
    int sp = text.indexOf(' ');
    return Long.parseLong(sp < 0 ? text : text.substring(0, sp));
  }

  void shrink() {
    machine.execute("echo 1 > " + dir + "shrink");
  }

  SlabTuple state() {
    return SlabTuple.of(value("objects"), value("total_objects"), value("partial"), value("slabs"));
  }
}
