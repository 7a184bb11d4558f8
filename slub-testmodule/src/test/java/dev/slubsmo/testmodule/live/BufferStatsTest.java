package dev.slubsmo.testmodule.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferStatsTest {

  @Test
  void formatReproducesTheBundledFile() throws IOException {
    String bundled;
    try (InputStream in = getClass().getResourceAsStream("/traces/dcache-walk/buffer-stats.txt")) {
      bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Long> values =
        bundled.lines().map(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim())).toList();
    List<BufferStats.Cpu> cpus = new ArrayList<>();
    for (int i = 0; i < values.size(); i += 3) {
      cpus.add(new BufferStats.Cpu(i / 3, values.get(i), values.get(i + 1), values.get(i + 2)));
    }
    assertEquals(bundled, new BufferStats(cpus).format());
  }
}
