package dev.slubsmo.testmodule.slabinfo;

/** One alias symlink ({@code struct aliasinfo}): its name, its target and the cache it links. */
final class SlabAlias {
  final String name;
  final String ref;
  SlabCacheInfo slab;

  SlabAlias(String name, String ref) {
    this.name = name;
    this.ref = ref;
  }
}
