package dev.slubsmo.testmodule.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.testmodule.trace.TraceEvent.Kind;
import dev.slubsmo.testmodule.trace.TraceReader.Malformed;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing single lines and short texts, lenient and strict. */
class TraceReaderTest {
  static final String CACHE_ALLOC =
      " capture-kmem-tr-4769    [001] .....   335.345350: kmem_cache_alloc:"
          + " call_site=getname_flags.part.0+0x24/0x1f0 ptr=0000000023ab431c name=names_cache"
          + " bytes_req=4096 bytes_alloc=4096 gfp_flags=GFP_KERNEL node=-1 accounted=false";
  static final String CACHE_FREE =
      " capture-kmem-tr-4769    [001] .....   335.345353: kmem_cache_free:"
          + " call_site=vfs_fstatat+0x71/0xb0 ptr=0000000023ab431c name=names_cache";
  static final String KMALLOC =
      " capture-kmem-tr-4769    [001] .....   335.345424: kmalloc:"
          + " call_site=alloc_slab_obj_exts+0x58/0x110 ptr=0000000076e6c5e7 bytes_req=168"
          + " bytes_alloc=192 gfp_flags=GFP_KERNEL|__GFP_ZERO|__GFP_COMP node=0 accounted=false";
  static final String NULL_KFREE =
      " capture-kmem-tr-4769    [001] .....   335.345400: kfree:"
          + " call_site=ext4_fname_free_filename+0x12/0x40 ptr=0000000000000000";
  static final String IDLE_FREE =
      "          <idle>-0       [001] .Ns1.   335.345541: kmem_cache_free:"
          + " call_site=blk_update_request+0xe0/0x3b0 ptr=000000007ead8d90 name=bio-184";

  static List<TraceEvent> read(String text) {
    List<TraceEvent> events = new ArrayList<>();
    try (TraceReader reader = TraceReader.of(new StringReader(text), true)) {
      while (reader.next(events::add)) {}
    }
    return events;
  }

  static TraceEvent only(String line) {
    List<TraceEvent> events = read(line);
    assertEquals(1, events.size(), line);
    return events.get(0);
  }

  @Test
  void cacheAllocLineGivesEveryField() {
    TraceEvent e = only(CACHE_ALLOC);
    assertEquals(
        new TraceEvent(
            Kind.CACHE_ALLOC,
            1,
            335_345_350_000L,
            0x23ab431cL,
            "names_cache",
            4096,
            4096,
            "GFP_KERNEL",
            -1,
            false,
            "getname_flags.part.0+0x24/0x1f0",
            "capture-kmem-tr",
            4769,
            1),
        e);
  }

  @Test
  void cacheFreeLineHasNameButNoSizes() {
    TraceEvent e = only(CACHE_FREE);
    assertEquals(Kind.CACHE_FREE, e.kind());
    assertEquals("names_cache", e.cacheName());
    assertEquals(0x23ab431cL, e.ptr());
    assertEquals(0, e.bytesAlloc());
    assertNull(e.gfpFlags());
    assertEquals(-1, e.node());
  }

  @Test
  void kmallocLineHasNoCacheNameAndKeepsNodeAndFlagText() {
    TraceEvent e = only(KMALLOC);
    assertEquals(Kind.KMALLOC, e.kind());
    assertNull(e.cacheName());
    assertEquals(168, e.bytesReq());
    assertEquals(192, e.bytesAlloc());
    assertEquals(0, e.node());
    assertEquals("GFP_KERNEL|__GFP_ZERO|__GFP_COMP", e.gfpFlags());
  }

  @Test
  void nullKfreeIsAnEventFlaggedAsNullFree() {
    TraceEvent e = only(NULL_KFREE);
    assertEquals(Kind.KFREE, e.kind());
    assertTrue(e.isNullFree());
    assertFalse(only(CACHE_FREE).isNullFree());
  }

  @Test
  void idleTaskAndSoftirqFlagsAreRead() {
    TraceEvent e = only(IDLE_FREE);
    assertEquals("<idle>", e.task());
    assertEquals(0, e.pid());
    assertEquals("bio-184", e.cacheName());
  }

  @Test
  void taskNameMayContainDashesColonsAndSpaces() {
    String tail = " [001] .....   335.345400: kfree: call_site=f+0x1/0x2 ptr=0000000000000001";
    assertEquals("memfd:sealed-91", only("    memfd:sealed-91-1449" + tail).task());
    assertEquals(1449, only("    memfd:sealed-91-1449" + tail).pid());
    assertEquals("Web Content", only("     Web Content-7" + tail).task());
  }

  @Test
  void timestampIsConvertedToNanosecondsExactly() {
    String tail = ": kfree: call_site=f ptr=0000000000000001";
    assertEquals(335_345_400_000L, only("t-1 [000] 335.345400" + tail).timestampNanos());
    assertEquals(7_000_000_009L, only("t-1 [000] 7.000000009" + tail).timestampNanos());
    assertEquals(12_500_000_000L, only("t-1 [000] 12.5" + tail).timestampNanos());
  }

  @Test
  void irqFlagsColumnIsOptional() {
    TraceEvent withFlags = only(CACHE_FREE);
    TraceEvent without = only(CACHE_FREE.replace(" .....  ", ""));
    assertEquals(withFlags, without);
  }

  @Test
  void eventsCarryTheirLineNumbers() {
    List<TraceEvent> events = read("# tracer: nop\n" + CACHE_ALLOC + "\n#\n" + CACHE_FREE + "\n");
    assertEquals(List.of(2L, 4L), events.stream().map(TraceEvent::lineNumber).toList());
  }

  @Test
  void commentsAndOtherTracepointsAreSkippedNotMalformed() {
    String text =
        "# tracer: nop\n#\n"
            + "  make-16810 [004] .....  2319.000857: mm_page_alloc: page=0xffffea00001347a7\n"
            + CACHE_FREE
            + "\n";
    try (TraceReader reader = TraceReader.of(new StringReader(text), true)) {
      List<TraceEvent> events = new ArrayList<>();
      while (reader.next(events::add)) {}
      assertEquals(1, events.size());
      assertEquals(3, reader.skipped());
      assertEquals(0, reader.malformed());
      assertEquals(4, reader.lines());
    }
  }

  @Test
  void lostEventMarkerIsSkippedAndCounted() {
    String text = CACHE_ALLOC + "\nCPU:1 [LOST 12 EVENTS]\n" + CACHE_FREE + "\n";
    try (TraceReader reader = TraceReader.of(new StringReader(text), true)) {
      while (reader.next(e -> {})) {}
      assertEquals(2, reader.events());
      assertEquals(1, reader.skipped());
      assertEquals(1, reader.lossMarkers());
    }
  }

  @Test
  void crlfLineEndingsAreAccepted() {
    assertEquals(read(CACHE_ALLOC + "\n" + CACHE_FREE), read(CACHE_ALLOC + "\r\n" + CACHE_FREE));
  }

  @Test
  void streamDeliversTheSameEventsAsNext() {
    String text = String.join("\n", CACHE_ALLOC, KMALLOC, NULL_KFREE, CACHE_FREE);
    try (Stream<TraceEvent> events = TraceReader.of(new StringReader(text), true).stream()) {
      assertEquals(read(text), events.collect(Collectors.toList()));
    }
  }

  static Stream<Arguments> brokenLines() {
    return Stream.of(
        Arguments.of(
            "missing colon after the timestamp",
            CACHE_FREE.replace("335.345353:", "335.345353"),
            "missing ':' after timestamp '335.345353'"),
        Arguments.of(
            "missing colon after the event name",
            CACHE_FREE.replace("kmem_cache_free:", "kmem_cache_free"),
            "missing ':' after event name 'kmem_cache_free'"),
        Arguments.of(
            "unknown field value",
            CACHE_ALLOC.replace("accounted=false", "accounted=maybe"),
            "bad accounted value 'maybe'"),
        Arguments.of(
            "bad node value", KMALLOC.replace("node=0", "node=zero"), "bad node value 'zero'"),
        Arguments.of(
            "bad hex pointer",
            CACHE_FREE.replace("ptr=0000000023ab431c", "ptr=00000000zz3ab431"),
            "bad ptr value '00000000zz3ab431'"),
        Arguments.of(
            "bad timestamp",
            CACHE_FREE.replace("335.345353:", "335.3453x3:"),
            "bad timestamp '335.3453x3'"),
        Arguments.of(
            "line truncated in the fields",
            CACHE_ALLOC.substring(0, CACHE_ALLOC.indexOf(" bytes_alloc=")),
            "missing field 'bytes_alloc'"),
        Arguments.of(
            "line truncated in the header",
            CACHE_ALLOC.substring(0, CACHE_ALLOC.indexOf(" 335.")),
            "line ends before the timestamp"),
        Arguments.of(
            "no header", "kmem_cache_free: call_site=f ptr=1", "no 'task-pid [cpu]' header"),
        Arguments.of(
            "field without value separator",
            CACHE_FREE + " garbage",
            "field without '=': 'garbage'"),
        Arguments.of("empty line", "", "empty line"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenLines")
  void lenientReaderCountsAndKeepsABrokenLineAndReadsOn(String what, String bad, String reason) {
    String text = CACHE_ALLOC + "\n" + bad + "\n" + CACHE_FREE + "\n";
    try (TraceReader reader = TraceReader.of(new StringReader(text), false)) {
      List<TraceEvent> events = new ArrayList<>();
      while (reader.next(events::add)) {}
      assertEquals(List.of(Kind.CACHE_ALLOC, Kind.CACHE_FREE), kinds(events));
      assertEquals(1, reader.malformed());
      assertEquals(3, reader.lines());
      Malformed m = reader.firstMalformed().get(0);
      assertEquals(2, m.line());
      assertEquals(reason, m.reason());
      assertTrue(bad.startsWith(m.text().replaceFirst("\\.\\.\\.$", "")), m.text());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenLines")
  void strictReaderThrowsAtABrokenLine(String what, String bad, String reason) {
    String text = CACHE_ALLOC + "\n" + bad + "\n" + CACHE_FREE + "\n";
    try (TraceReader reader = TraceReader.of(new StringReader(text), true)) {
      assertTrue(reader.next(e -> {}));
      TraceFormatException e = assertThrows(TraceFormatException.class, () -> reader.next(x -> {}));
      assertEquals(2, e.line());
      assertEquals(reason, e.reason());
      assertTrue(e.getMessage().startsWith("line 2: " + reason + ": "), e.getMessage());
    }
  }

  @Test
  void lenientReaderKeepsOnlyTheFirstFewBrokenLines() {
    String text = "x\n".repeat(TraceReader.KEPT_MALFORMED + 3) + CACHE_FREE;
    try (TraceReader reader = TraceReader.of(new StringReader(text), false)) {
      assertTrue(reader.next(e -> {}));
      assertEquals(TraceReader.KEPT_MALFORMED + 3, reader.malformed());
      assertEquals(TraceReader.KEPT_MALFORMED, reader.firstMalformed().size());
      assertEquals(1, reader.firstMalformed().get(0).line());
    }
  }

  @Test
  void overlongLineIsMalformedAndTheNextLineIsRead() {
    String text = "y".repeat(TraceReader.MAX_LINE + 10) + "\n" + CACHE_FREE + "\n";
    try (TraceReader reader = TraceReader.of(new StringReader(text), false)) {
      List<TraceEvent> events = new ArrayList<>();
      while (reader.next(events::add)) {}
      assertEquals(List.of(2L), events.stream().map(TraceEvent::lineNumber).toList());
      assertEquals(1, reader.malformed());
      assertTrue(reader.firstMalformed().get(0).reason().startsWith("line longer than"));
    }
  }

  static List<Kind> kinds(List<TraceEvent> events) {
    return events.stream().map(TraceEvent::kind).toList();
  }
}
