package dev.slubsmo.testmodule.slabinfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-memory {@link SlabSysfs} for tests: caches with attribute files, and aliases that
 * resolve to their target. A write succeeds only on an existing file and replaces its content.
 */
final class MapSlabSysfs implements SlabSysfs {
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Map<String, String>> files = new HashMap<>();
  private final Map<String, String> aliasTargets = new HashMap<>();

  /** Adds a cache from alternating attribute names and file contents (newline appended). */
  MapSlabSysfs cache(String name, String... attributeValuePairs) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < attributeValuePairs.length; i += 2) {
      attributes.put(attributeValuePairs[i], attributeValuePairs[i + 1] + "\n");
    }
    entries.add(Entry.cache(name));
    files.put(name, attributes);
    return this;
  }

  MapSlabSysfs alias(String name, String target) {
    entries.add(Entry.alias(name, target));
    aliasTargets.put(name, target);
    return this;
  }

  @Override
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public Optional<String> read(String cache, String attribute) {
    return Optional.ofNullable(attributes(cache).get(attribute));
  }

  @Override
  public boolean write(String cache, String attribute, String value) {
    Map<String, String> attributes = attributes(cache);
    if (!attributes.containsKey(attribute)) {
      return false;
    }
    attributes.put(attribute, value);
    return true;
  }

  private Map<String, String> attributes(String cache) {
    return files.getOrDefault(aliasTargets.getOrDefault(cache, cache), new HashMap<>());
  }
}
