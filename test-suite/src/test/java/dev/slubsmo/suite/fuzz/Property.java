package dev.slubsmo.suite.fuzz;

/** What the fuzzer asserts after every line. */
enum Property {
  CRASH("a line throws nothing but a refusal"),
  ACCEPTANCE("a valid line is carried out, an invalid one refused"),
  REFUSAL_NO_CHANGE("a refused line changes nothing"),
  INVARIANTS("the invariant checker and the module's own consistency hold (check)"),
  OBJECT_SET("no object is lost or duplicated: the listed ids are the model's"),
  SHRINK_FLOOR(
      "after a shrink of a movable cache with slub_debug: at most one partial slab per node and"
          + " slabs at the floor ceil(live/objs_per_slab), plus the lone empty slab the kernel"
          + " placement's early return keeps"),
  DEFRAG_PARTIAL("a defrag never leaves a node it defragments more partial slabs than before"),
  XARRAY_CONTENTS("the XArray holds exactly the model's indices and marks");

  private final String text;

  Property(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }
}
