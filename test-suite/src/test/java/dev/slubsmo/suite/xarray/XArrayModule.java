package dev.slubsmo.suite.xarray;

import dev.slubsmo.testmodule.lang.CommandException;
import dev.slubsmo.testmodule.lang.Session;

/**
 * The {@code slub_defrag_xarray} test module as the suite and the fuzzer reach it: {@code insmod
 * slub_defrag_xarray}, writes to {@code /sys/kernel/debug/smox/callfn} ({@code store INDEX
 * [COUNT]}, {@code erase INDEX [COUNT]}, {@code mark INDEX MARK}, {@code clear INDEX MARK}, {@code
 * check}, {@code test [NR [KEEP]]}) and the model's read-only {@code
 * /sys/kernel/debug/smox/things}: one line, the present indices as ranges, then {@code
 * markM=RANGES} for each mark M (0..2) set on some index, e.g. {@code 0-5,12 mark0=0-2 mark2=12}.
 *
 * <p>Capability: the module is being added to the command language. Until it exists, {@code insmod}
 * answers "unknown module", and only that answer means "not yet available"; any other refusal, or
 * anything going wrong once it loads, fails.
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

  /** Why the XArray parts do not run yet. */
  public static final String NOT_YET =
      NAME
          + " not yet available: insmod answers 'unknown module' (being added to the command"
          + " language)";

  private XArrayModule() {}

  /** Loads the module: true; false while it does not exist yet; any other refusal propagates. */
  public static boolean insmod(Session s) {
    try {
      s.execute("insmod " + NAME);
      return true;
    } catch (CommandException e) {
      if (e.getMessage().startsWith("insmod: unknown module '" + NAME + "'")) {
        return false;
      }
      throw e;
    }
  }
}
