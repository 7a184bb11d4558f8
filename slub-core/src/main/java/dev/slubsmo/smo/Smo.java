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
    install(s, m);
  }

  /**
   * Installs the callbacks like {@link #setupMobility} but without the constructor requirement.
   *
   * <p>Exists only for the what-if trace replay, which asks what SMO would do for caches that have
   * no constructor in the kernel (dentry, filp, maple_node, ...). Adding a constructor would move
   * the free pointer after the object and so change the geometry being replayed. The kernel needs
   * the constructor so that migrate can tell a live object from a free one by its contents; the
   * replay's migrate knows every live object through its pointer map, so it needs no such test.
   * Never use it for a cache whose migrate callback reads object contents to decide liveness.
   *
   * @throws IllegalArgumentException when the cache already has callbacks
   */
  public static void setupMobilityWhatIf(KmemCache s, Mobility m) {
    install(s, m);
  }

  /** Steps 2 to 6 of {@code kmem_cache_setup_mobility}, under {@code slab_mutex}. */
  private static void install(KmemCache s, Mobility m) {
    Slub slub = s.slub();
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
