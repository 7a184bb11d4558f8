package dev.slubsmo.testmodule.slabinfo;

import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.sysfs.SysfsException;
import dev.slubsmo.sysfs.SysfsTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The model's {@code /sys/kernel/slab} ({@link SysfsTree}) as the slabinfo tool reads it. */
public final class ModelSlabSysfs implements SlabSysfs {
  private final SysfsTree tree;

  public ModelSlabSysfs(SysfsTree tree) {
    this.tree = Objects.requireNonNull(tree, "tree");
  }

  @Override
  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<String, KmemCache> e : tree.entries().entrySet()) {
      String dir = e.getValue().sysfsName();
      out.add(e.getKey().equals(dir) ? Entry.cache(dir) : Entry.alias(e.getKey(), dir));
    }
    return out;
  }

  @Override
  public Optional<String> read(String cache, String attribute) {
    try {
      return Optional.of(tree.read(SysfsTree.ROOT + "/" + cache + "/" + attribute));
    } catch (SysfsException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean write(String cache, String attribute, String value) {
    try {
      tree.write(SysfsTree.ROOT + "/" + cache + "/" + attribute, value);
      return true;
    } catch (SysfsException e) {
      return false;
    }
  }
}
