package dev.slubsmo.smo;

import dev.slubsmo.slab.Slab;
import java.util.HashSet;
import java.util.Set;

/** What one defrag, shrink, move or balance call did. */
final class MoveStats {
  long moved;
  int emptied;
  int vacated;
  private final Set<Slab> stuck = new HashSet<>();

  void markImmovable(Slab page) {
    stuck.add(page);
  }

  /** After disposal: a slab that answered "never" is marked at its unfrozen state. */
  void noteSurvivor(Slab page) {
    if (stuck.remove(page)) {
      page.markImmovable();
    }
  }
}
