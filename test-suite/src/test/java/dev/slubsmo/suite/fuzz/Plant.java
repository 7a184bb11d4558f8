package dev.slubsmo.suite.fuzz;

import dev.slubsmo.testmodule.lang.Session;

/**
 * A fault planted in a session before a script runs, to check that the fuzzer finds it: it hooks
 * the session ({@link Session#afterEachCommand}, {@link Session#onReboot}) or the allocator's
 * probes, so the same fault is there when the minimized script replays through {@code
 * ScriptRunner}.
 */
interface Plant {
  Plant NONE = s -> {};

  void attach(Session s);

  /**
   * A fresh session with this fault planted, on a small machine; the scripts it runs boot their own
   * with their first line.
   */
  default Session session() {
    Session s = new Session("machine mem=8M");
    attach(s);
    return s;
  }
}
