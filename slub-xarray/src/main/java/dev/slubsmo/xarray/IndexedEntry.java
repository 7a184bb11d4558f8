package dev.slubsmo.xarray;

/** An entry found by {@code xa_find}, with the index it was found at (unsigned). */
public record IndexedEntry(long index, long entry) {}
