package dev.slubsmo.testmodule.replay;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Builds small ftrace kmem traces in the bundled trace's line format, for replay tests. */
final class TraceText {
  private final StringBuilder text = new StringBuilder();

  TraceText alloc(double seconds, int cpu, long ptr, String cache, int bytes) {
    return line(
        seconds,
        cpu,
        "kmem_cache_alloc",
        String.format(
            Locale.ROOT,
            "ptr=%016x name=%s bytes_req=%d bytes_alloc=%d gfp_flags=GFP_KERNEL node=-1"
                + " accounted=false",
            ptr,
            cache,
            bytes,
            bytes));
  }

  TraceText free(double seconds, int cpu, long ptr, String cache) {
    return line(
        seconds,
        cpu,
        "kmem_cache_free",
        String.format(Locale.ROOT, "ptr=%016x name=%s", ptr, cache));
  }

  TraceText kmalloc(double seconds, int cpu, long ptr, int bytes, String gfp) {
    return line(
        seconds,
        cpu,
        "kmalloc",
        String.format(
            Locale.ROOT,
            "ptr=%016x bytes_req=%d bytes_alloc=%d gfp_flags=%s node=-1 accounted=false",
            ptr,
            bytes,
            bytes,
            gfp));
  }

  TraceText kfree(double seconds, int cpu, long ptr) {
    return line(seconds, cpu, "kfree", String.format(Locale.ROOT, "ptr=%016x", ptr));
  }

  TraceText raw(String line) {
    text.append(line).append('\n');
    return this;
  }

  TraceSource source() {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    return new TraceSource("test-trace", () -> new ByteArrayInputStream(bytes), bytes.length);
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private TraceText line(double seconds, int cpu, String event, String fields) {
    text.append(
        String.format(
            Locale.ROOT,
            "            test-1     [%03d] .....  %.6f: %s: call_site=test+0x0/0x10 %s%n",
            cpu,
            seconds,
            event,
            fields));
    return this;
  }
}
