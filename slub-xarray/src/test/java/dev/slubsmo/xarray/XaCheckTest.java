package dev.slubsmo.xarray;

import static dev.slubsmo.xarray.XaFixture.mkIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** {@link XArray#check} finds each kind of corruption and names the node and field. */
class XaCheckTest {
  private final XaFixture f = new XaFixture();
  private final XArray xa = f.array();
  private final XaNode nodes = f.xc.nodes();
  private final long root;
  private final long leaf;

  XaCheckTest() {
    for (long i = 0; i < 300; i += 3) {
      xa.store(f.cpu, i, mkIndex(i));
    }
    xa.setMark(129, XaMark.MARK_1);
    root = XaEntry.toNode(xa.head());
    leaf = XaEntry.toNode(nodes.slot(root, 2));
  }

  private void assertCaught(long node, String field) {
    IllegalStateException e = assertThrows(IllegalStateException.class, xa::check);
    assertTrue(e.getMessage().contains(String.format("xa_node 0x%x", node)), e.getMessage());
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @Test
  void consistentTreeIsSummarised() {
    XaSummary s = xa.check();
    assertEquals(100, s.entries());
    assertEquals(
        XaFixture.nodesFor(LongStream.iterate(0, i -> i < 300, i -> i + 3).toArray()), s.nodes());
    assertEquals(2, s.height());
  }

  @Test
  void wrongCountIsCaught() {
    nodes.setCount(leaf, nodes.count(leaf) + 1);
    assertCaught(leaf, "count is");
  }

  @Test
  void wrongNrValuesIsCaught() {
    nodes.setNrValues(leaf, 0);
    assertCaught(leaf, "nr_values is");
  }

  @Test
  void wrongParentIsCaught() {
    nodes.setParent(leaf, 0);
    assertCaught(leaf, "parent is");
  }

  @Test
  void wrongOffsetIsCaught() {
    nodes.setOffset(leaf, 3);
    assertCaught(leaf, "offset is");
  }

  @Test
  void wrongArrayIsCaught() {
    nodes.setArray(leaf, XaNode.RCU_FREE);
    assertCaught(leaf, "array is");
  }

  @Test
  void wrongShiftIsCaught() {
    nodes.setShift(leaf, 6);
    assertCaught(leaf, "shift is");
  }

  @Test
  void markMissingInTheParentIsCaught() {
    nodes.clearMark(root, 1, 2);
    assertCaught(root, "marks[1] bit 2");
  }

  @Test
  void markOnAnEmptySlotIsCaught() {
    nodes.setMark(leaf, 2, 2);
    assertCaught(leaf, "marks[2] bit 2");
  }

  @Test
  void brokenPrivateListIsCaught() {
    f.m.slub().memory().writeLong(leaf + XaNode.PRIVATE_LIST, root + XaNode.PRIVATE_LIST);
    assertCaught(leaf, "private_list.next");
  }

  @Test
  void emptyNodeLeftInTheTreeIsCaught() {
    for (int off = 0; off < XaNode.CHUNK_SIZE; off++) {
      nodes.setSlot(leaf, off, 0);
    }
    nodes.setCount(leaf, 0);
    nodes.setNrValues(leaf, 0);
    nodes.clearMark(leaf, 1, 1);
    nodes.clearMark(root, 1, 2);
    assertCaught(leaf, "count is 0");
  }

  @Test
  void unshrunkRootIsCaught() {
    for (int off = 1; off < XaNode.CHUNK_SIZE; off++) {
      nodes.setSlot(root, off, 0);
      nodes.clearMark(root, 1, off);
    }
    nodes.setCount(root, 1);
    xa.flags &= ~XArray.flagMark(1);
    assertCaught(root, "xas_shrink did not run");
  }

  @Test
  void headFlagDisagreeingWithTheRootIsCaught() {
    xa.flags &= ~XArray.flagMark(1);
    IllegalStateException e = assertThrows(IllegalStateException.class, xa::check);
    assertTrue(e.getMessage().contains("xa_flags mark 1"), e.getMessage());
  }

  @Test
  void nodeOutsideTheNodeCacheIsCaught() {
    long foreign = f.m.slub().kmalloc().kmalloc(f.cpu, 1024, dev.slubsmo.slab.Gfp.KERNEL, -1);
    nodes.setSlot(root, 10, XaEntry.mkNode(foreign));
    nodes.setCount(root, nodes.count(root) + 1);
    assertCaught(foreign, "address");
  }
}
