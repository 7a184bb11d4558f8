package dev.slubsmo.testmodule.trace;

/**
 * Turns character ranges into shared {@link String}s without allocating for values seen before.
 *
 * <p>Algorithm: an open-addressing hash table with linear probing, keyed by the characters' hash,
 * compared character by character. Invariant: the table is never more than half full, so a probe
 * always ends at an empty slot. Trace fields such as task names, call sites, cache names and GFP
 * flag texts repeat endlessly, so after warm-up a lookup allocates nothing. Once {@code capacity}
 * distinct values are stored, new values are returned as fresh strings and not remembered, which
 * bounds memory whatever the input.
 */
final class StringInterner {
  private final int capacity;
  private String[] table = new String[256];
  private int size;

  StringInterner(int capacity) {
    this.capacity = capacity;
  }

  /** The string equal to {@code chars[start, end)}, shared with earlier equal ranges. */
  String intern(char[] chars, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + chars[i];
    }
    int mask = table.length - 1;
    for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      String s = table[slot];
      if (s == null) {
        String fresh = new String(chars, start, end - start);
        if (size < capacity) {
          table[slot] = fresh;
          if (++size * 2 > table.length) {
            grow();
          }
        }
        return fresh;
      }
      if (s.hashCode() == hash && sameChars(s, chars, start, end)) {
        return s;
      }
    }
  }

  private static boolean sameChars(String s, char[] chars, int start, int end) {
    if (s.length() != end - start) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (s.charAt(i - start) != chars[i]) {
        return false;
      }
    }
    return true;
  }

  private static int mix(int hash) {
    return hash ^ (hash >>> 16);
  }

  private void grow() {
    String[] old = table;
    table = new String[old.length * 2];
    int mask = table.length - 1;
    for (String s : old) {
      if (s != null) {
        int slot = mix(s.hashCode()) & mask;
        while (table[slot] != null) {
          slot = (slot + 1) & mask;
        }
        table[slot] = s;
      }
    }
  }
}
