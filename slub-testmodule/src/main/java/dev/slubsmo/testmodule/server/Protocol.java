package dev.slubsmo.testmodule.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The wire format of the loopback server (docs/PROTOCOL.md): one request line in, a reply of {@code
 * ". "}-prefixed data lines and one {@code OK} or {@code ERR message} status line out.
 */
final class Protocol {
  /** Longest request line in bytes, not counting its {@code \n}. */
  static final int MAX_REQUEST = 64 * 1024;

  /** Longest reply line a client accepts. */
  static final int MAX_REPLY_LINE = 1024 * 1024;

  static final String DATA = ". ";
  static final String OK = "OK";
  static final String ERR = "ERR ";
  static final String QUIT = "quit";
  static final String SHUTDOWN = "shutdown";

  private Protocol() {}

  /**
   * Writes {@code output} as data lines (a last line without {@code \n} still counts) and the
   * status line: {@code OK} when {@code error} is null, else {@code ERR error} with line breaks
   * flattened.
   */
  static void writeReply(OutputStream out, String output, String error) throws IOException {
    StringBuilder sb = new StringBuilder(output.length() + 64);
    int from = 0;
    while (from < output.length()) {
      int nl = output.indexOf('\n', from);
      int end = nl < 0 ? output.length() : nl;
      sb.append(DATA).append(output, from, end).append('\n');
      from = end + 1;
    }
    sb.append(error == null ? OK : ERR + oneLine(error)).append('\n');
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String oneLine(String message) {
    String m = message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
    return m.isEmpty() ? "(no message)" : m;
  }
}
