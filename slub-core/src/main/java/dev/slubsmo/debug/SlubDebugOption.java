package dev.slubsmo.debug;

import dev.slubsmo.slab.SlabFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code slub_debug=} boot option (mm/slub.c {@code setup_slub_debug}, {@code
 * kmem_cache_flags}): letters F Z P U T A O and {@code -}, then an optional comma-separated list of
 * cache names, each matched exactly unless it contains {@code *}, which matches the prefix before
 * it. Bare {@code slub_debug} (or an empty letter block) means FZPU.
 */
public final class SlubDebugOption {
  public static final SlubDebugOption NONE = new SlubDebugOption(0, false, List.of(), "");

  private final int flags;
  private final boolean disableForHigherOrder;
  private final List<String> names;
  private final String text;

  private SlubDebugOption(int flags, boolean o, List<String> names, String text) {
    this.flags = flags;
    this.disableForHigherOrder = o;
    this.names = names;
    this.text = text;
  }

  /**
   * Parses the value after {@code slub_debug=} ({@code null} for a bare {@code slub_debug}).
   * Unknown letters are rejected, naming the letter (the kernel logs and skips them).
   */
  public static SlubDebugOption parse(String value) {
    if (value == null) {
      return new SlubDebugOption(fzpu(), false, List.of(), "FZPU");
    }
    int comma = value.indexOf(',');
    String letters = comma < 0 ? value : value.substring(0, comma);
    List<String> names = new ArrayList<>();
    if (comma >= 0) {
      for (String n : value.substring(comma + 1).split(",", -1)) {
        if (n.isEmpty()) {
          throw new IllegalArgumentException("slub_debug: empty cache name in '" + value + "'");
        }
        names.add(n);
      }
    }
    int flags = 0;
    boolean o = false;
    if (letters.isEmpty()) {
      flags = fzpu();
    }
    for (char ch : letters.toLowerCase(Locale.ROOT).toCharArray()) {
      switch (ch) {
        case '-' -> flags = 0;
        case 'f' -> flags |= SlabFlags.CONSISTENCY_CHECKS;
        case 'z' -> flags |= SlabFlags.RED_ZONE;
        case 'p' -> flags |= SlabFlags.POISON;
        case 'u' -> flags |= SlabFlags.STORE_USER;
        case 't' -> flags |= SlabFlags.TRACE;
        case 'a' -> flags |= SlabFlags.FAILSLAB;
        case 'o' -> o = true;
        default ->
            throw new IllegalArgumentException(
                "slub_debug: unknown option '" + ch + "' in '" + value + "'");
      }
    }
    return new SlubDebugOption(flags, o, List.copyOf(names), value);
  }

  private static int fzpu() {
    return SlabFlags.CONSISTENCY_CHECKS
        | SlabFlags.RED_ZONE
        | SlabFlags.POISON
        | SlabFlags.STORE_USER;
  }

  /** {@code kmem_cache_flags}: the debug flags a new cache called {@code name} gets. */
  public int flagsFor(String name) {
    if (names.isEmpty()) {
      return flags;
    }
    for (String n : names) {
      int star = n.indexOf('*');
      if (star >= 0 ? name.startsWith(n.substring(0, star)) : name.equals(n)) {
        return flags;
      }
    }
    return 0;
  }

  /** The debug flags of the letter block ({@code slub_debug} in mm/slub.c). */
  public int flags() {
    return flags;
  }

  /** The {@code O} letter. */
  public boolean disableForHigherOrder() {
    return disableForHigherOrder;
  }

  @Override
  public String toString() {
    return text;
  }
}
