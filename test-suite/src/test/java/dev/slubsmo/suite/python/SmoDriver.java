package dev.slubsmo.suite.python;

import dev.slubsmo.suite.transport.Transport;

/**
 * The Python suite's helpers over a transport (the machine in this JVM, or behind {@code smo
 * serve}), through the suite's own paths only: {@code echo CMD > /sys/kernel/debug/smo/callfn},
 * {@code cat /sys/kernel/slab/smo_test/FILE} and {@code echo 1 > /sys/kernel/slab/smo_test/shrink}
 * (what {@code slabinfo smo_test -s} writes).
 */
final class SmoDriver implements SuiteDriver {
  static final String CALLFN = "/sys/kernel/debug/smo/callfn";
  private final Transport transport;
  private final CacheSysfs sysfs;

  private SmoDriver(Transport transport) {
    this.transport = transport;
    this.sysfs = new CacheSysfs(transport, "smo_test");
  }

  /** Boots {@code machine} (slub_defrag loaded) over {@code transport}. */
  static SmoDriver boot(SuiteMachine machine, Transport transport) {
    transport.execute(machine.line());
    return new SmoDriver(transport);
  }

  /** Runs any line of the command language on the machine. */
  String execute(String line) {
    return transport.execute(line);
  }

  /** {@code echo CMD > callfn}. */
  void callfn(String cmd) {
    transport.execute("echo " + cmd + " > " + CALLFN);
  }

  @Override
  public void alloc(long n) {
    callfn("alloc " + n);
  }

  @Override
  public void free(long n) {
    callfn("free " + n + " 0");
  }

  @Override
  public void enable() {
    callfn("enable");
  }

  @Override
  public void shrink() {
    sysfs.shrink();
  }

  long value(String file) {
    return sysfs.value(file);
  }

  @Override
  public int objsPerSlab() {
    return (int) sysfs.value("objs_per_slab");
  }

  @Override
  public SlabTuple state() {
    return sysfs.state();
  }

  /**
   * The listed ids as ranges ({@code /sys/kernel/debug/smo/ids}, the model's addition for the exact
   * id set the original never checks, K2).
   */
  String ids() {
    return transport.execute("cat /sys/kernel/debug/smo/ids").strip();
  }
}
