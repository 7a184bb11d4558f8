package dev.slubsmo.smo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FloorTest {
  @Test
  void floorRoundsUp() {
    assertEquals(3, Floor.slabs(41, 20));
    assertEquals(0, Floor.slabs(0, 20));
  }

  @Test
  void minMovesKeepsFullSlabsThenTheFullestPartials() {
    // 1 full slab (10) + partials 7, 2, 1: live 20, floor 2, keep 10 + 7, move 3
    assertEquals(3, Floor.minMoves(20, 1, List.of(1, 7, 2), 10));
  }

  @Test
  void nothingMovesAtTheFloor() {
    assertEquals(0, Floor.minMoves(15, 1, List.of(5), 10));
  }
}
