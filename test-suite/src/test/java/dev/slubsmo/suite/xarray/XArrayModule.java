package dev.slubsmo.suite.xarray;

import dev.slubsmo.testmodule.lang.Session;

/**
 * The {@code slub_defrag_xarray} test module as the suite and the fuzzer reach it: {@code insmod
 * slub_defrag_xarray}, writes to {@code /sys/kernel/debug/smox/callfn} ({@code store INDEX
 * [COUNT]}, {@code erase INDEX [COUNT]}, {@code mark INDEX MARK}, {@code clear INDEX MARK}, {@code
 * check}, {@code test [NR [KEEP]]}) and the model's read-only {@code
 * /sys/kernel/debug/smox/things}: one line, the present indices as ranges, then {@code
 * markM=RANGES} for each mark M (0..2) set on some index, e.g. {@code 0-5,12 mark0=0-2 mark2=12}.
 */
public final class XArrayModule {
  public static final String NAME = "slub_defrag_xarray";
  public static final String CALLFN = "/sys/kernel/debug/smox/callfn";
  public static final String THINGS = "/sys/kernel/debug/smox/things";
  public static final String THING_CACHE = "smox_test";
  public static final String NODE_CACHE = "xarray_node";

  /** {@code test_smo_xarray}'s item count and survivor stride at load (spec 2). */
  public static final int LOAD_ITEMS = 10000;

  public static final int LOAD_KEEP = 6;

  private XArrayModule() {}

  /** Loads the module; a refusal propagates and fails the caller. */
  public static void insmod(Session s) {
    s.execute("insmod " + NAME);
  }
}
