package dev.slubsmo.testmodule.slabinfo;

/** Mirrors {@code usage()}: the text {@code -h} prints on stdout. */
final class SlabinfoUsage {
  private static final String BANNER_6_18 =
      """
      slabinfo 4/15/2011. (c) 2007 sgi/(c) 2011 Linux Foundation.

      slabinfo [-aABDefhilLnoPrsStTUvXz1] [N=K] [-dafzput] [slab-regexp]
      """;

  /** The banner of SMO patch 02, verbatim. */
  private static final String BANNER_SMO =
      """
      slabinfo 4/15/2017. (c) 2007 sgi/(c) 2011 Linux Foundation/(c) 2017 Jump Trading LLC.

      slabinfo [-aACDefhilMnosrStTvz1LXBU] [N=K] [-dafzput] [slab-regexp]
      """;

  private static final String OPTIONS =
      """
      -a|--aliases           Show aliases
      -A|--activity          Most active slabs first
      -B|--Bytes             Show size in bytes
      -D|--display-active    Switch line format to activity
      -e|--empty             Show empty slabs
      -f|--first-alias       Show first alias
      -h|--help              Show usage information
      -i|--inverted          Inverted list
      -l|--slabs             Show slabs
      -L|--Loss              Sort by loss
      -n|--numa              Show NUMA information
      -N|--lines=K           Show the first K slabs
      -o|--ops               Show kmem_cache_ops
      -P|--partial           Sort by number of partial slabs
      -r|--report            Detailed report on single slabs
      -s|--shrink            Shrink slabs
      -S|--Size              Sort by size
      -t|--tracking          Show alloc/free information
      -T|--Totals            Show summary information
      -U|--Unreclaim         Show unreclaimable slabs only
      -v|--validate          Validate slabs
      -X|--Xtotals           Show extended summary information
      -z|--zero              Include empty slabs
      -1|--1ref              Single reference

      -d  | --debug          Switch off all debug options
      -da | --debug=a        Switch on all debug options (--debug=FZPU)

      -d[afzput] | --debug=[afzput]
          f | F              Sanity Checks (SLAB_CONSISTENCY_CHECKS)
          z | Z              Redzoning
          p | P              Poisoning
          u | U              Tracking
          t | T              Tracing

      Sorting options (--Loss, --Size, --Partial) are mutually exclusive
      """;

  private SlabinfoUsage() {}

  /** The usage text; the SMO dialect adds the {@code -C} and {@code -M} lines of patch 02. */
  static String text(SlabinfoDialect dialect) {
    if (dialect == SlabinfoDialect.LINUX_6_18) {
      return BANNER_6_18 + OPTIONS;
    }
    return BANNER_SMO
        + OPTIONS
            .replace(
                "-D|--display-active",
                "-C|--ctor              Show slabs with ctors\n-D|--display-active")
            .replace(
                "-n|--numa",
                "-M|--movable           Show caches that support movable objects\n-n|--numa");
  }
}
