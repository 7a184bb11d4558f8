package dev.slubsmo.xarray;

/**
 * What {@link XArray#check} found in a consistent tree: its nodes, its present entries (reserved
 * ones included) and its height (0 when the head holds the only entry or nothing).
 */
public record XaSummary(long nodes, long entries, int height) {}
