package dev.slubsmo.testmodule.replay;

import dev.slubsmo.testmodule.trace.LifetimeStats;

/**
 * How long one cache's objects lived in the trace, and how many are old at its end.
 *
 * @param name the cache
 * @param stats lifetimes of the objects freed in the trace and ages of those still live
 * @param oldLive objects live at the end that are older than the replay's threshold, pre-populated
 *     objects included (they predate the trace)
 */
public record CacheLifetime(String name, LifetimeStats.CacheLifetimes stats, long oldLive) {}
