package dev.slubsmo.testmodule.slabinfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * The caches and aliases {@code read_slab_dir()} collected (the {@code slabinfo[]} and {@code
 * aliasinfo[]} arrays with their counters), and the passes over them: {@code link_slabs}, {@code
 * rename_slabs}, {@code sort_slabs} and {@code sort_aliases}.
 *
 * <p>Both sorts are the tool's exchange sort: for each position i, every later position j is
 * compared with i and swapped into it when the comparison is positive. It is not stable, so equal
 * keys end up in an order that depends on the directory order.
 */
final class SlabTable {
  private static final int MAX_SLABS = 2000;
  private static final int MAX_ALIASES = 500;

  final List<SlabCacheInfo> slabs = new ArrayList<>();
  final List<SlabAlias> aliases = new ArrayList<>();
  int aliasTargets;
  int actualSlabs;
  int highestNode;

  /**
   * Mirrors {@code read_slab_dir()}: skips names starting with {@code .} and names not starting
   * with {@code :} that the pattern does not match, then reads each alias and cache.
   */
  static SlabTable read(SlabSysfs sysfs, PosixBasicRegex pattern, SlabinfoDialect dialect) {
    List<SlabSysfs.Entry> entries;
    try {
      entries = sysfs.entries();
    } catch (IOException e) {
      throw new SlabinfoFatal("SYSFS support for SLUB not active (" + e.getMessage() + ")\n");
    }
    SlabTable table = new SlabTable();
    SlabAttributeReader reader = new SlabAttributeReader(sysfs, dialect);
    for (SlabSysfs.Entry entry : entries) {
      String name = entry.name();
      if (name.startsWith(".") || (!name.startsWith(":") && !pattern.matches(name))) {
        continue;
      }
      if (entry.alias()) {
        if (table.aliases.size() == MAX_ALIASES) {
          throw new SlabinfoFatal("Too many aliases\n");
        }
        table.aliases.add(new SlabAlias(name, entry.target()));
      } else {
        if (table.slabs.size() == MAX_SLABS) {
          throw new SlabinfoFatal("Too many slabs\n");
        }
        table.slabs.add(reader.readCache(name));
        if (name.startsWith(":")) {
          table.aliasTargets++;
        }
      }
    }
    table.actualSlabs = table.slabs.size();
    table.highestNode = reader.highestNode();
    return table;
  }

  /** Mirrors {@code link_slabs()}: points each alias at its cache and counts the references. */
  void linkSlabs() {
    for (SlabAlias a : aliases) {
      a.slab = null;
      for (SlabCacheInfo s : slabs) {
        if (a.ref.equals(s.name)) {
          a.slab = s;
          s.refs++;
          break;
        }
      }
      if (a.slab == null) {
        throw new SlabinfoFatal("Unresolved alias " + a.ref + "\n");
      }
    }
  }

  /**
   * Mirrors {@code rename_slabs()}: a {@code :}-named cache takes the name of its alias (unless
   * several refer to it and {@code firstAlias} is off), or becomes {@code *} when none was read.
   */
  void renameSlabs(boolean firstAlias) {
    for (SlabCacheInfo s : slabs) {
      if (!s.name.startsWith(":") || (s.refs > 1 && !firstAlias)) {
        continue;
      }
      SlabAlias a = findOneAlias(s);
      if (a != null) {
        s.name = a.name;
      } else {
        s.name = "*";
        actualSlabs--;
      }
    }
  }

  /**
   * Mirrors {@code find_one_alias()}: the first alias that is longer than the best so far, cut
   * short by one starting with {@code kmall}.
   */
  private SlabAlias findOneAlias(SlabCacheInfo find) {
    SlabAlias best = null;
    for (SlabAlias a : aliases) {
      if (a.slab == find && (best == null || best.name.length() < a.name.length())) {
        best = a;
        if (a.name.startsWith("kmall")) {
          return best;
        }
      }
    }
    return best;
  }

  /** Mirrors {@code sort_slabs()} with the comparison {@link SlabOrder} gives. */
  void sortSlabs(ToIntBiFunction<SlabCacheInfo, SlabCacheInfo> order) {
    exchangeSort(slabs, order);
  }

  /** Mirrors {@code sort_aliases()}: by target name when {@code byRef}, else by alias name. */
  void sortAliases(boolean byRef) {
    exchangeSort(
        aliases,
        (a1, a2) ->
            byRef
                ? LibcNumbers.strcasecmp(a1.ref, a2.ref)
                : LibcNumbers.strcasecmp(a1.name, a2.name));
  }

  private static <T> void exchangeSort(List<T> items, ToIntBiFunction<T, T> order) {
    for (int i = 0; i < items.size(); i++) {
      for (int j = i + 1; j < items.size(); j++) {
        if (order.applyAsInt(items.get(i), items.get(j)) > 0) {
          Collections.swap(items, i, j);
        }
      }
    }
  }
}
