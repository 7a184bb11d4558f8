package dev.slubsmo.testmodule.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class StringInternerTest {

  @Test
  void equalRangesGiveTheSameInstance() {
    StringInterner strings = new StringInterner(100);
    char[] a = "xx dentry yy".toCharArray();
    char[] b = "dentry".toCharArray();
    String first = strings.intern(a, 3, 9);
    assertEquals("dentry", first);
    assertSame(first, strings.intern(b, 0, b.length));
  }

  @Test
  void manyDistinctValuesSurviveGrowth() {
    StringInterner strings = new StringInterner(10_000);
    String[] kept = new String[5000];
    for (int i = 0; i < kept.length; i++) {
      char[] text = ("cache-" + i).toCharArray();
      kept[i] = strings.intern(text, 0, text.length);
    }
    for (int i = 0; i < kept.length; i++) {
      char[] text = ("cache-" + i).toCharArray();
      assertSame(kept[i], strings.intern(text, 0, text.length));
    }
  }

  @Test
  void valuesBeyondCapacityAreNotRemembered() {
    StringInterner strings = new StringInterner(1);
    char[] a = "a".toCharArray();
    char[] b = "b".toCharArray();
    assertSame(strings.intern(a, 0, 1), strings.intern(a, 0, 1));
    String first = strings.intern(b, 0, 1);
    assertEquals("b", first);
    assertNotSame(first, strings.intern(b, 0, 1));
  }
}
