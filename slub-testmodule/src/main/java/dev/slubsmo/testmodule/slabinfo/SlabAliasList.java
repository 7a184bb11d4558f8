package dev.slubsmo.testmodule.slabinfo;

/**
 * Mirrors {@code alias()}: each cache with the aliases merged into it ({@code -a}), or with {@code
 * -i} each alias and its cache; caches with a single alias are left out unless {@code -1}.
 */
final class SlabAliasList {
  private final SlabinfoRun run;

  SlabAliasList(SlabinfoRun run) {
    this.run = run;
  }

  void print() {
    boolean inverted = run.opts.showInverted;
    run.table.sortAliases(!inverted);
    run.table.linkSlabs();
    String active = null;
    for (SlabAlias a : run.table.aliases) {
      if (!run.opts.showSingleRef && a.slab.refs == 1) {
        continue;
      }
      if (inverted) {
        run.printf("%-15s -> %s\n", a.name, a.slab.name);
      } else if (active != null && a.slab.name.equals(active)) {
        run.printf(" %s", a.name);
      } else {
        run.printf("\n%-12s <- %s", a.slab.name, a.name);
        active = a.slab.name;
      }
    }
    if (active != null) {
      run.print("\n");
    }
  }
}
