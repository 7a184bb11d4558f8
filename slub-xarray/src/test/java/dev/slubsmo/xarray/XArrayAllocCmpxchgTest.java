package dev.slubsmo.xarray;

import static dev.slubsmo.xarray.XaFixture.mkIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** insert, cmpxchg, reserve and ID allocation (check_insert, check_cmpxchg, check_xa_alloc_*). */
class XArrayAllocCmpxchgTest {
  private final XaFixture f = new XaFixture();
  private final XArray xa = f.array();
  private final XArray ids = f.allocArray();

  private static final long FIVE = XaEntry.mkValue(5);
  private static final long SIX = XaEntry.mkValue(6);
  private static final long LOTS = XaEntry.mkValue(12345678);

  @Test
  void insertIntoAnOccupiedIndexIsEbusy() {
    xa.store(f.cpu, 12345678, LOTS);
    XaException e = assertThrows(XaException.class, () -> xa.insert(f.cpu, 12345678, FIVE));
    assertEquals(XaException.EBUSY, e.errno());
    assertEquals(LOTS, xa.load(12345678));
  }

  @Test
  void insertLeavesNeighboursEmpty() {
    for (int i = 10; i < 64; i++) {
      long index = 1L << i;
      xa.insert(f.cpu, index, mkIndex(index));
      assertEquals(0, xa.load(index - 1));
      assertEquals(0, xa.load(index + 1));
      xa.erase(index);
    }
    assertTrue(xa.empty());
  }

  @Test
  void cmpxchgSwapsOnlyOnMatch() {
    xa.store(f.cpu, 12345678, LOTS);
    assertEquals(LOTS, xa.cmpxchg(f.cpu, 12345678, SIX, FIVE));
    assertEquals(LOTS, xa.load(12345678));
    assertEquals(LOTS, xa.cmpxchg(f.cpu, 12345678, LOTS, FIVE));
    assertEquals(FIVE, xa.cmpxchg(f.cpu, 12345678, FIVE, LOTS));
    assertEquals(LOTS, xa.load(12345678));
  }

  @Test
  void cmpxchgFromNullInsertsAndToNullErases() {
    assertEquals(0, xa.cmpxchg(f.cpu, 5, FIVE, 0));
    assertEquals(0, xa.cmpxchg(f.cpu, 5, 0, FIVE));
    assertEquals(FIVE, xa.load(5));
    assertEquals(FIVE, xa.cmpxchg(f.cpu, 5, FIVE, 0));
    assertTrue(xa.empty());
  }

  @Test
  void reservedIndexReadsNullButIsNotEmpty() {
    xa.reserve(f.cpu, 12345678);
    assertFalse(xa.empty());
    assertEquals(0, xa.load(12345678));
    xa.release(12345678);
    assertTrue(xa.empty());
  }

  @Test
  void releasingAStoredIndexDoesNothing() {
    xa.reserve(f.cpu, 12345678);
    xa.store(f.cpu, 12345678, LOTS);
    xa.release(12345678);
    assertEquals(LOTS, xa.load(12345678));
  }

  @Test
  void insertTreatsAReservationAsBusyAndEraseDropsIt() {
    xa.reserve(f.cpu, 12345678);
    assertEquals(
        XaException.EBUSY,
        assertThrows(XaException.class, () -> xa.insert(f.cpu, 12345678, FIVE)).errno());
    assertEquals(0, xa.erase(12345678));
    assertTrue(xa.empty());
  }

  @Test
  void cmpxchgMatchesAReservationAsZero() {
    xa.reserve(f.cpu, 12345678);
    assertEquals(0, xa.cmpxchg(f.cpu, 12345678, XaEntry.ZERO, LOTS));
    assertEquals(LOTS, xa.load(12345678));
  }

  @Test
  void allocAssignsTheLowestFreeIdAndReusesErasedOnes() {
    assertEquals(0, ids.alloc(f.cpu, mkIndex(0), XaLimit.LIMIT_32B));
    ids.erase(0);
    assertTrue(ids.empty());
    for (long i = 0; i < 2 * XaNode.CHUNK_SIZE; i++) {
      assertEquals(i, ids.alloc(f.cpu, mkIndex(i), XaLimit.LIMIT_32B));
    }
    ids.erase(70);
    ids.erase(3);
    assertEquals(3, ids.alloc(f.cpu, mkIndex(3), XaLimit.LIMIT_32B));
    assertEquals(70, ids.alloc(f.cpu, mkIndex(70), XaLimit.LIMIT_32B));
    assertEquals(128, ids.alloc(f.cpu, mkIndex(128), XaLimit.LIMIT_32B));
    ids.check();
  }

  @Test
  void shrinkingIntoTheHeadKeepsIndexZeroBusy() {
    ids.alloc(f.cpu, mkIndex(0), XaLimit.LIMIT_32B);
    ids.alloc(f.cpu, mkIndex(1), XaLimit.LIMIT_32B);
    ids.erase(1);
    assertEquals(mkIndex(0), ids.head());
    assertEquals(1, ids.alloc(f.cpu, mkIndex(1), XaLimit.LIMIT_32B));
    assertEquals(mkIndex(0), ids.load(0));
  }

  @Test
  void allocSkipsStoredIndices() {
    ids.alloc(f.cpu, mkIndex(0), XaLimit.LIMIT_32B);
    ids.store(f.cpu, 1, mkIndex(1));
    assertEquals(2, ids.alloc(f.cpu, mkIndex(2), XaLimit.LIMIT_32B));
  }

  @Test
  void allocAfterDestroyStartsAtTheBaseAgain() {
    for (long i = 0; i < 5000; i++) {
      ids.alloc(f.cpu, mkIndex(i), XaLimit.LIMIT_32B);
    }
    ids.destroy();
    assertEquals(0, ids.alloc(f.cpu, mkIndex(0), XaLimit.LIMIT_32B));
    ids.check();
  }

  @Test
  void allocFailsWithEbusyAtTheTopOfItsLimit() {
    XaLimit top = new XaLimit(XaLimit.UINT_MAX - 1, XaLimit.UINT_MAX);
    assertEquals(XaLimit.UINT_MAX - 1, ids.alloc(f.cpu, mkIndex(1), top));
    assertEquals(XaLimit.UINT_MAX, ids.alloc(f.cpu, mkIndex(2), top));
    XaException e = assertThrows(XaException.class, () -> ids.alloc(f.cpu, mkIndex(3), top));
    assertEquals(XaException.EBUSY, e.errno());
    assertEquals(2, ids.check().entries());
  }

  @Test
  void allocWithAnEmptyLimitIsEbusy() {
    XaLimit none = new XaLimit(10, 5);
    assertEquals(
        XaException.EBUSY,
        assertThrows(XaException.class, () -> ids.alloc(f.cpu, mkIndex(10), none)).errno());
    ids.store(f.cpu, 3, mkIndex(3));
    assertEquals(
        XaException.EBUSY,
        assertThrows(XaException.class, () -> ids.alloc(f.cpu, mkIndex(10), none)).errno());
  }

  @Test
  void allocRespectsTheLowerLimit() {
    assertEquals(5, ids.alloc(f.cpu, mkIndex(5), new XaLimit(5, 10)));
    assertEquals(6, ids.alloc(f.cpu, mkIndex(6), new XaLimit(5, 10)));
    assertEquals(1L << 31, ids.alloc(f.cpu, mkIndex(7), new XaLimit(1L << 31, XaLimit.UINT_MAX)));
    ids.check();
  }

  @Test
  void allocOfNullReservesAndEraseFreesIt() {
    assertEquals(0, ids.alloc(f.cpu, 0, XaLimit.LIMIT_32B));
    assertFalse(ids.empty());
    assertEquals(0, ids.load(0));
    assertEquals(1, ids.alloc(f.cpu, 0, XaLimit.LIMIT_32B));
    assertEquals(0, ids.erase(0));
    assertEquals(0, ids.erase(1));
    assertTrue(ids.empty());
  }

  @Test
  void storingNullInAnAllocatingArrayReserves() {
    for (int i = 0; i < 10; i++) {
      ids.alloc(f.cpu, 0, XaLimit.LIMIT_32B);
    }
    ids.store(f.cpu, 4, mkIndex(4));
    assertEquals(mkIndex(4), ids.store(f.cpu, 4, 0));
    assertEquals(0, ids.erase(5));
    assertEquals(5, ids.alloc(f.cpu, 0, XaLimit.LIMIT_32B));
    assertEquals(10, ids.check().entries());
  }

  @Test
  void allocOnAPlainArrayIsEinval() {
    XaException e = assertThrows(XaException.class, () -> xa.alloc(f.cpu, FIVE, XaLimit.LIMIT_32B));
    assertEquals(XaException.EINVAL, e.errno());
    assertTrue(xa.empty());
  }

  @Test
  void freeMarkBelongsToAnAllocatingArray() {
    ids.alloc(f.cpu, FIVE, XaLimit.LIMIT_32B);
    assertThrows(IllegalArgumentException.class, () -> ids.setMark(0, XaMark.FREE));
    assertThrows(IllegalArgumentException.class, () -> ids.clearMark(0, XaMark.FREE));
  }

  @Test
  void limitsAreU32() {
    assertThrows(IllegalArgumentException.class, () -> new XaLimit(-1, 5));
    assertThrows(IllegalArgumentException.class, () -> new XaLimit(0, 1L << 32));
  }

  @Test
  void flagsOtherThanAllocAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> f.xc.create(f.cpu, 8));
  }
}
