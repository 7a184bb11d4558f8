package dev.slubsmo.smo;

import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slub;

/** Mobility setup ({@code kmem_cache_setup_mobility}, SMO patch 01 and 03). */
public final class Smo {
  private Smo() {}

  /**
   * Installs the callbacks, drops {@code __CMPXCHG_DOUBLE} so every freelist change goes through
   * {@code slab_lock}, and moves the cache to the head of {@code slab_caches}.
   *
   * @throws IllegalArgumentException when the cache has no constructor (the kernel logs {@code
   *     <cache>: require constructor to setup mobility} and changes nothing), or already has
   *     callbacks (mobility cannot be switched again)
   */
  public static void setupMobility(KmemCache s, Mobility m) {
    Slub slub = s.slub();
    if (s.ctor() == null) {
      String msg = s.name() + ": require constructor to setup mobility";
      slub.log().printk(msg);
      throw new IllegalArgumentException(msg);
    }
    slub.slabMutex.lock();
    try {
      if (s.mobility() != null) {
        throw new IllegalArgumentException(s.name() + ": mobility is already set up");
      }
      s.installMobility(m);
      slub.moveToHead(s);
    } finally {
      slub.slabMutex.unlock();
    }
  }

  /** Whether SMO paths treat the cache as movable (it has a migrate callback). */
  public static boolean movable(KmemCache s) {
    return s.mobility() != null;
  }
}
