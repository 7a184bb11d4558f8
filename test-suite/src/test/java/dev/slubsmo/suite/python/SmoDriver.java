package dev.slubsmo.suite.python;

import dev.slubsmo.testmodule.lang.Session;

/**
 * The Python suite's helpers over a session, through the suite's own paths only: {@code echo CMD >
 * /sys/kernel/debug/smo/callfn}, {@code cat /sys/kernel/slab/smo_test/FILE} and {@code echo 1 >
 * /sys/kernel/slab/smo_test/shrink} (what {@code slabinfo smo_test -s} writes).
 */
final class SmoDriver implements SuiteDriver {
  static final String CALLFN = "/sys/kernel/debug/smo/callfn";
  private final Session session;
  private final CacheSysfs sysfs;

  private SmoDriver(Session session) {
    this.session = session;
    this.sysfs = new CacheSysfs(session, "smo_test");
  }

  /** A session on {@code machine} with {@code slub_defrag} loaded. */
  static SmoDriver boot(SuiteMachine machine) {
    Session s = new Session();
    s.execute(machine.line());
    return new SmoDriver(s);
  }

  Session session() {
    return session;
  }

  /** {@code echo CMD > callfn}. */
  void callfn(String cmd) {
    session.execute("echo " + cmd + " > " + CALLFN);
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
    return session.execute("cat /sys/kernel/debug/smo/ids").strip();
  }
}
