package dev.slubsmo.xarray;

/** The body of {@code xa_for_each}: called once per present entry, in index order. */
@FunctionalInterface
public interface XaVisitor {
  void visit(long index, long entry);
}
