package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimelineTest {
  @Test
  void keepsEveryOfferWhileThereIsRoom() {
    Timeline t = new Timeline();
    for (int i = 0; i < 10; i++) {
      t.offer(i, 100 + i);
    }
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, t.nanos());
    assertEquals(109, t.pages()[9]);
  }

  @Test
  void staysBoundedAndEvenlySpacedOverLongRuns() {
    Timeline t = new Timeline();
    int offers = Timeline.MAX_SAMPLES * 5 + 3;
    for (int i = 0; i < offers; i++) {
      t.offer(i, i);
    }
    long[] kept = t.nanos();
    assertTrue(kept.length <= Timeline.MAX_SAMPLES && kept.length >= Timeline.MAX_SAMPLES / 2);
    long stride = kept[1] - kept[0];
    for (int i = 0; i < kept.length; i++) {
      assertEquals(i * stride, kept[i]);
    }
  }

  @Test
  void endAlwaysAddsTheLastSample() {
    Timeline t = new Timeline();
    for (int i = 0; i < Timeline.MAX_SAMPLES; i++) {
      t.offer(i, i);
    }
    t.end(99_999, 7);
    long[] nanos = t.nanos();
    assertEquals(99_999, nanos[nanos.length - 1]);
    assertEquals(7, t.pages()[nanos.length - 1]);
  }
}
