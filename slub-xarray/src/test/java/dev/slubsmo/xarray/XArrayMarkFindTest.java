package dev.slubsmo.xarray;

import static dev.slubsmo.xarray.XaFixture.mkIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Marks, their propagation, and searching (check_xa_mark_1/2, check_find). */
class XArrayMarkFindTest {
  private final XaFixture f = new XaFixture();
  private final XArray xa = f.array();
  private final XaNode nodes = f.xc.nodes();

  @Test
  void nullEntriesCannotBeMarked() {
    xa.setMark(12, XaMark.MARK_0);
    assertFalse(xa.getMark(12, XaMark.MARK_0));
    assertFalse(xa.marked(XaMark.MARK_0));
  }

  @Test
  void storingDoesNotMarkAndSettingOneMarkSetsOnlyThat() {
    xa.store(f.cpu, 12, mkIndex(12));
    assertFalse(xa.getMark(12, XaMark.MARK_0));
    xa.setMark(12, XaMark.MARK_0);
    assertTrue(xa.getMark(12, XaMark.MARK_0));
    assertFalse(xa.getMark(12, XaMark.MARK_1));
    assertFalse(xa.getMark(13, XaMark.MARK_0));
  }

  @Test
  void erasingClearsMarksAndTheyCannotBeSetAgain() {
    xa.store(f.cpu, 12, mkIndex(12));
    xa.setMark(12, XaMark.MARK_2);
    xa.erase(12);
    assertFalse(xa.marked(XaMark.MARK_2));
    xa.setMark(12, XaMark.MARK_2);
    assertFalse(xa.getMark(12, XaMark.MARK_2));
  }

  @Test
  void overwritingAnEntryKeepsItsMarks() {
    xa.store(f.cpu, 300, mkIndex(300));
    xa.setMark(300, XaMark.MARK_1);
    xa.store(f.cpu, 300, mkIndex(301));
    assertTrue(xa.getMark(300, XaMark.MARK_1));
  }

  @Test
  void markPropagatesToEveryAncestorAndTheHead() {
    long index = (1L << 18) + 4097;
    xa.store(f.cpu, 0, mkIndex(0));
    xa.store(f.cpu, index, mkIndex(index));
    xa.setMark(index, XaMark.MARK_1);
    assertTrue(xa.marked(XaMark.MARK_1));
    long node = XaEntry.toNode(xa.head());
    while (true) {
      int off = XaNode.offsetOf(index, nodes.shift(node));
      assertTrue(nodes.mark(node, 1, off), "mark bit at shift " + nodes.shift(node));
      assertEquals(1, Long.bitCount(nodes.marks(node, 1)));
      if (nodes.shift(node) == 0) {
        break;
      }
      node = XaEntry.toNode(nodes.slot(node, off));
    }
    xa.check();
  }

  @Test
  void clearingTheLastMarkClearsItUpToTheHead() {
    xa.store(f.cpu, 0, mkIndex(0));
    xa.store(f.cpu, 1L << 20, mkIndex(1));
    xa.setMark(1L << 20, XaMark.MARK_2);
    xa.clearMark(1L << 20, XaMark.MARK_2);
    assertFalse(xa.marked(XaMark.MARK_2));
    for (long node : xa.nodes()) {
      assertFalse(nodes.anyMark(node, 2));
    }
  }

  @Test
  void clearingOneMarkKeepsAncestorsOfAnotherMarkedEntry() {
    xa.store(f.cpu, 10, mkIndex(10));
    xa.store(f.cpu, 5000, mkIndex(5000));
    xa.setMark(10, XaMark.MARK_0);
    xa.setMark(5000, XaMark.MARK_0);
    xa.clearMark(10, XaMark.MARK_0);
    long root = XaEntry.toNode(xa.head());
    assertFalse(nodes.mark(root, 0, 0));
    assertTrue(nodes.mark(root, 0, XaNode.offsetOf(5000, nodes.shift(root))));
    assertTrue(xa.marked(XaMark.MARK_0));
    xa.check();
  }

  @Test
  void growingTheTreeCarriesTheHeadsMarks() {
    xa.store(f.cpu, 0, mkIndex(0));
    xa.setMark(0, XaMark.MARK_1);
    xa.store(f.cpu, 1L << 24, mkIndex(1));
    assertTrue(xa.getMark(0, XaMark.MARK_1));
    assertFalse(xa.getMark(1L << 24, XaMark.MARK_1));
    xa.check();
  }

  @Test
  void shrinkingKeepsTheMarkOfTheEntryLiftedIntoTheHead() {
    xa.store(f.cpu, 0, mkIndex(0));
    xa.store(f.cpu, 1, mkIndex(1));
    xa.setMark(0, XaMark.MARK_2);
    xa.erase(1);
    assertEquals(mkIndex(0), xa.head());
    assertTrue(xa.getMark(0, XaMark.MARK_2));
    xa.check();
  }

  @Test
  void forEachMarkedCountsTheMarkedRange() {
    for (long i = 3500; i < 4500; i++) {
      xa.store(f.cpu, i, mkIndex(i));
      if (i % 3 == 0) {
        xa.setMark(i, XaMark.MARK_0);
      }
    }
    List<Long> seen = new ArrayList<>();
    xa.forEachMarked(XaMark.MARK_0, (index, entry) -> seen.add(index));
    List<Long> want = new ArrayList<>();
    for (long i = 3500; i < 4500; i++) {
      if (i % 3 == 0) {
        want.add(i);
      }
    }
    assertEquals(want, seen);
  }

  @Test
  void findReturnsTheFirstEntryInRange() {
    xa.store(f.cpu, 100, mkIndex(100));
    xa.store(f.cpu, 70000, mkIndex(70000));
    assertEquals(new IndexedEntry(100, mkIndex(100)), xa.find(0, -1));
    assertEquals(new IndexedEntry(70000, mkIndex(70000)), xa.find(101, -1));
    assertNull(xa.find(101, 69999));
    assertNull(xa.find(70001, -1));
    assertNull(xa.find(200, 100));
  }

  @Test
  void findWithAMarkSkipsUnmarkedEntries() {
    for (long i = 0; i < 200; i++) {
      xa.store(f.cpu, i * 100, mkIndex(i));
    }
    xa.setMark(12300, XaMark.MARK_1);
    xa.setMark(18800, XaMark.MARK_1);
    assertEquals(12300, xa.find(0, -1, XaMark.MARK_1).index());
    assertEquals(18800, xa.findAfter(12300, -1, XaMark.MARK_1).index());
    assertNull(xa.findAfter(18800, -1, XaMark.MARK_1));
    assertNull(xa.find(0, 12299, XaMark.MARK_1));
  }

  @Test
  void findAtTheTopOfTheIndexSpace() {
    xa.store(f.cpu, -1, mkIndex(-1));
    assertEquals(-1, xa.find(1, -1).index());
    assertNull(xa.findAfter(-1, -1));
    assertNull(xa.find(0, -2));
  }

  @Test
  void forEachVisitsInIndexOrderAndSkipsReservations() {
    long[] idx = {7, 0, 1L << 40, 64, -1};
    for (long i : idx) {
      xa.store(f.cpu, i, mkIndex(i));
    }
    xa.reserve(f.cpu, 65);
    List<Long> seen = new ArrayList<>();
    xa.forEach((index, entry) -> seen.add(index));
    assertEquals(List.of(0L, 7L, 64L, 1L << 40, -1L), seen);
  }

  @Test
  void forEachAllowsErasingDuringTheWalk() {
    for (long i = 0; i < 1000; i++) {
      xa.store(f.cpu, i, mkIndex(i));
    }
    xa.forEach((index, entry) -> xa.erase(index));
    assertTrue(xa.empty());
  }

  @Test
  void markNumbersOutsideTheThreeAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> XaMark.of(3));
    assertEquals(XaMark.MARK_2, XaMark.of(2));
  }
}
