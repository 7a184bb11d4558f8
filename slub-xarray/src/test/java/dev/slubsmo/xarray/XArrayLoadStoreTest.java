package dev.slubsmo.xarray;

import static dev.slubsmo.xarray.XaFixture.mkIndex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Load, store, erase and the tree's growth and shrinking (lib/test_xarray.c check_xa_load & co).
 */
class XArrayLoadStoreTest {
  private final XaFixture f = new XaFixture();
  private final XArray xa = f.array();

  @ParameterizedTest(name = "index {0}")
  @ValueSource(
      longs = {
        0,
        1,
        63,
        64,
        4095,
        4096,
        262143,
        262144,
        (1L << 24) - 1,
        1L << 24,
        (1L << 30) - 1,
        1L << 30,
        (1L << 54) - 1,
        1L << 54,
        (1L << 60) - 1,
        1L << 60,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        -2,
        -1
      })
  void storeLoadEraseAtLevelEdge(long index) {
    assertEquals(0, xa.store(f.cpu, index, mkIndex(index)));
    assertEquals(mkIndex(index), xa.load(index));
    assertEquals(0, xa.load(index - 1));
    assertEquals(0, xa.load(index + 1));
    XaSummary s = xa.check();
    assertEquals(XaFixture.nodesFor(new long[] {index}), s.nodes());
    assertEquals(1, s.entries());
    assertEquals(mkIndex(index), xa.erase(index));
    assertEquals(0, xa.load(index));
    assertTrue(xa.empty());
  }

  @Test
  void loadSeesExactlyTheStoredPrefix() {
    int n = 300;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertEquals(j < i ? mkIndex(j) : 0, xa.load(j), "load " + j + " after " + i + " stores");
      }
      assertEquals(0, xa.store(f.cpu, i, mkIndex(i)));
    }
    for (int i = 0; i < n; i++) {
      assertEquals(mkIndex(i), xa.erase(i));
      assertEquals(0, xa.load(i));
      assertEquals(i + 1 < n ? mkIndex(n - 1) : 0, xa.load(n - 1));
    }
    assertTrue(xa.empty());
  }

  @Test
  void singleEntryAtIndexZeroLivesInTheHead() {
    xa.store(f.cpu, 0, mkIndex(0));
    assertEquals(mkIndex(0), xa.head());
    assertEquals(0, xa.nodes().length);
  }

  @Test
  void storeReturnsTheOldEntryAndKeepsCounts() {
    xa.store(f.cpu, 70, mkIndex(70));
    assertEquals(mkIndex(70), xa.store(f.cpu, 70, mkIndex(7)));
    assertEquals(mkIndex(7), xa.load(70));
    assertEquals(1, xa.check().entries());
  }

  @Test
  void storingNullErases() {
    xa.store(f.cpu, 5, mkIndex(5));
    assertEquals(mkIndex(5), xa.store(f.cpu, 5, 0));
    assertTrue(xa.empty());
  }

  @Test
  void erasingAbsentIndexChangesNothing() {
    xa.store(f.cpu, 64, mkIndex(64));
    long[] before = xa.nodes();
    assertEquals(0, xa.erase(65));
    assertEquals(0, xa.erase(1L << 40));
    assertArrayEquals(before, xa.nodes());
  }

  @Test
  void pointerEntriesAreStoredAsIs() {
    long object = f.m.slub().kmalloc().kmalloc(f.cpu, 64, dev.slubsmo.slab.Gfp.KERNEL, -1);
    xa.store(f.cpu, 1000, object);
    assertEquals(object, xa.load(1000));
    long leaf = xa.nodes()[xa.nodes().length - 1];
    assertEquals(0, f.xc.nodes().nrValues(leaf));
    assertEquals(1, f.xc.nodes().count(leaf));
  }

  @Test
  void growingAddsOneLevelPerSixBits() {
    xa.store(f.cpu, 0, mkIndex(0));
    for (int shift = 6; shift < 64; shift += 6) {
      xa.store(f.cpu, 1L << shift, mkIndex(1L << shift));
      assertEquals(shift / 6 + 1, xa.check().height(), "height after storing 1 << " + shift);
    }
  }

  @Test
  void erasingTheOnlyHighEntryShrinksBackToTheSameRoot() {
    xa.store(f.cpu, 0, mkIndex(0));
    xa.store(f.cpu, 1, mkIndex(1));
    long root = xa.head();
    xa.store(f.cpu, -1, mkIndex(-1));
    assertTrue(xa.head() != root);
    assertEquals(11, xa.check().height());
    xa.erase(-1);
    assertEquals(root, xa.head());
    assertEquals(1, xa.check().height());
  }

  @Test
  void erasingIndexOneShrinksIntoTheHeadAndRetiresTheNode() {
    xa.store(f.cpu, 0, mkIndex(0));
    xa.store(f.cpu, 1, mkIndex(1));
    long node = XaEntry.toNode(xa.head());
    assertEquals(mkIndex(1), xa.erase(1));
    assertEquals(mkIndex(0), xa.head());
    assertEquals(XaEntry.RETRY, f.xc.nodes().slot(node, 0));
    assertEquals(XaNode.RCU_FREE, f.xc.nodes().array(node));
  }

  @Test
  void internalEntriesAreRejectedWithEinval() {
    XaException e =
        assertThrows(XaException.class, () -> xa.store(f.cpu, 0, XaEntry.mkInternal(0)));
    assertEquals(XaException.EINVAL, e.errno());
    assertEquals(
        XaException.EINVAL,
        assertThrows(XaException.class, () -> xa.store(f.cpu, 3, XaEntry.RETRY)).errno());
    assertTrue(xa.empty());
  }

  @Test
  void valueEncodingMatchesTheKernel() {
    assertEquals(11, XaEntry.mkValue(5));
    assertEquals(5, XaEntry.toValue(11));
    assertEquals(1030, XaEntry.ZERO);
    assertEquals(1026, XaEntry.RETRY);
    assertTrue(XaEntry.isNode(XaEntry.mkNode(0xffff888000001000L)));
    assertThrows(IllegalArgumentException.class, () -> XaEntry.mkValue(-1));
  }

  @Test
  void destroyFreesEveryNodeAndLeavesAnEmptyUsableArray() {
    for (long i = 0; i < 5000; i += 7) {
      xa.store(f.cpu, i, mkIndex(i));
    }
    int nodes = xa.nodes().length;
    xa.destroy();
    assertTrue(xa.empty());
    assertEquals(nodes, f.xc.pendingRcuFrees());
    f.xc.rcuBarrier(f.cpu);
    assertEquals(0, XaFixture.liveObjects(f.xc.cache()));
    xa.store(f.cpu, 3, mkIndex(3));
    assertEquals(mkIndex(3), xa.load(3));
  }

  @Test
  void nodeAllocationFailureIsEnomemAndChangesNothing() {
    xa.store(f.cpu, 5, mkIndex(5));
    long[] before = xa.nodes();
    long live = XaFixture.liveObjects(f.xc.cache());
    f.xc.cache().setFailslab(new dev.slubsmo.slab.FaultAttr(100, 2, 1));
    XaException e = assertThrows(XaException.class, () -> xa.store(f.cpu, 1L << 30, mkIndex(7)));
    assertEquals(XaException.ENOMEM, e.errno());
    f.xc.cache().setFailslab(null);
    assertArrayEquals(before, xa.nodes());
    assertEquals(0, xa.load(1L << 30));
    assertEquals(mkIndex(5), xa.load(5));
    assertEquals(live, XaFixture.liveObjects(f.xc.cache()));
    xa.check();
  }

  @Test
  void removedArrayRefusesEveryOperation() {
    f.xc.remove(f.cpu, xa);
    assertThrows(IllegalStateException.class, () -> xa.load(0));
    assertThrows(IllegalStateException.class, () -> xa.store(f.cpu, 0, mkIndex(0)));
  }

  @Test
  void removingANonEmptyArrayIsRefused() {
    xa.store(f.cpu, 9, mkIndex(9));
    assertThrows(IllegalStateException.class, () -> f.xc.remove(f.cpu, xa));
    assertEquals(mkIndex(9), xa.load(9));
  }
}
