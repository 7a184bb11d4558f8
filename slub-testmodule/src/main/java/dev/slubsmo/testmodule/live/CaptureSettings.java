package dev.slubsmo.testmodule.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracefs control files a capture sets, each with the value it sets, in write order: tracing_on
 * is written last, so tracing stays off while the rest changes. The trace options fix the layout of
 * the bundled trace (default ftrace text, flags column, task names, hashed pointers, oldest events
 * overwritten and counted as overrun); an option the kernel lacks is left out.
 */
final class CaptureSettings {
  static final List<String> KMEM_EVENTS =
      List.of("kmem_cache_alloc", "kmem_cache_free", "kmalloc", "kfree");
  private static final Map<String, String> OPTIONS = options();

  private CaptureSettings() {}

  /** The files and values of a capture with a ring buffer of {@code bufferKb} KiB per CPU. */
  static Map<String, String> values(Tracefs tracefs, int bufferKb) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("current_tracer", "nop");
    values.put("trace_clock", "local");
    OPTIONS.forEach(
        (option, value) -> {
          if (tracefs.exists("options/" + option)) {
            values.put("options/" + option, value);
          }
        });
    values.put("buffer_size_kb", Integer.toString(bufferKb));
    KMEM_EVENTS.forEach(event -> values.put(enableFile(event), "1"));
    values.put("tracing_on", "0");
    return values;
  }

  static String enableFile(String event) {
    return "events/kmem/" + event + "/enable";
  }

  static String filterFile(String event) {
    return "events/kmem/" + event + "/filter";
  }

  private static Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("raw", "0");
    options.put("hex", "0");
    options.put("bin", "0");
    options.put("fields", "0");
    options.put("latency-format", "0");
    options.put("context-info", "1");
    options.put("irq-info", "1");
    options.put("record-cmd", "1");
    options.put("record-tgid", "0");
    options.put("hash-ptr", "1");
    options.put("overwrite", "1");
    return options;
  }
}
