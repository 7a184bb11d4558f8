package dev.slubsmo.testmodule.slabinfo;

/**
 * The options that write to sysfs: {@code slab_validate()}, {@code slab_shrink()} and {@code
 * slab_debug()}, all through {@code set_obj()}, which writes a number and a newline.
 */
final class SlabSysfsWriter {
  private final SlabinfoRun run;

  SlabSysfsWriter(SlabinfoRun run) {
    this.run = run;
  }

  /** Mirrors {@code slab_validate()}. */
  void validate(SlabCacheInfo s) {
    if (!s.hidden()) {
      setObj(s, "validate", 1);
    }
  }

  /** Mirrors {@code slab_shrink()}. */
  void shrink(SlabCacheInfo s) {
    if (!s.hidden()) {
      setObj(s, "shrink", 1);
    }
  }

  /**
   * Mirrors {@code slab_debug()}: switches each debug option to what {@code -d} asked for, where
   * the cache allows it. Like the C tool, switching tracing off writes 1.
   */
  void debug(SlabCacheInfo s) {
    if (s.hidden()) {
      return;
    }
    SlabDebugOptions want = run.opts.debug;
    if (want.sanity && s.sanityChecks == 0) {
      setObj(s, "sanity_checks", 1);
    }
    if (!want.sanity && s.sanityChecks != 0) {
      switchWhenEmpty(s, "sanity_checks", 0, "disable sanity checks");
    }
    if (want.redzone && s.redZone == 0) {
      switchWhenEmpty(s, "red_zone", 1, "enable redzoning");
    }
    if (!want.redzone && s.redZone != 0) {
      switchWhenEmpty(s, "red_zone", 0, "disable redzoning");
    }
    if (want.poison && s.poison == 0) {
      switchWhenEmpty(s, "poison", 1, "enable poisoning");
    }
    if (!want.poison && s.poison != 0) {
      switchWhenEmpty(s, "poison", 0, "disable poisoning");
    }
    if (want.tracking && s.storeUser == 0) {
      switchWhenEmpty(s, "store_user", 1, "enable tracking");
    }
    if (!want.tracking && s.storeUser != 0) {
      switchWhenEmpty(s, "store_user", 0, "disable tracking");
    }
    if (want.tracing && s.trace == 0) {
      if (run.table.slabs.size() == 1) {
        setObj(s, "trace", 1);
      } else {
        run.err.print(s.name + " can only enable trace for one slab at a time\n");
      }
    }
    if (!want.tracing && s.trace != 0) {
      setObj(s, "trace", 1);
    }
  }

  private void switchWhenEmpty(SlabCacheInfo s, String attribute, int value, String what) {
    if (slabEmpty(s)) {
      setObj(s, attribute, value);
    } else {
      run.err.print(s.name + " not empty cannot " + what + "\n");
    }
  }

  /** Mirrors {@code slab_empty()}: true without objects, shrinking away any slabs left. */
  private boolean slabEmpty(SlabCacheInfo s) {
    if (s.objects != 0) {
      return false;
    }
    if (s.slabs != 0) {
      setObj(s, "shrink", 1);
    }
    return true;
  }

  /** Mirrors {@code set_obj()}. */
  private void setObj(SlabCacheInfo s, String attribute, int value) {
    if (!run.sysfs.write(s.name, attribute, value + "\n")) {
      throw new SlabinfoFatal("Cannot write to " + s.name + "/" + attribute + "\n");
    }
  }
}
