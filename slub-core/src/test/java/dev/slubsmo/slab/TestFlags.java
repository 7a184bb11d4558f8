package dev.slubsmo.slab;

/** Flag sets written with sysfs attribute names, for readable parameterized tests. */
final class TestFlags {
  private TestFlags() {}

  /** {@code "poison|destroy_by_rcu"} to the OR of those flags; {@code "none"} to 0. */
  static int parse(String names) {
    if (names.equals("none")) {
      return 0;
    }
    int flags = 0;
    for (String name : names.split("\\|")) {
      int flag = SlabFlags.byAttributeName(name);
      if (flag == 0) {
        throw new IllegalArgumentException("unknown flag attribute " + name);
      }
      flags |= flag;
    }
    return flags;
  }
}
