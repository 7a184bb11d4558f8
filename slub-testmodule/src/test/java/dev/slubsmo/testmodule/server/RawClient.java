package dev.slubsmo.testmodule.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A socket that sends arbitrary bytes and reads reply lines as they come, for framing tests. */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;

  RawClient(int port) throws IOException {
    socket = new Socket(SmoServer.HOST, port);
    socket.setSoTimeout(20_000);
    in = socket.getInputStream();
  }

  void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The next line without its {@code \n}, or null at end of stream. */
  String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        return null;
      }
      b.write(c);
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  /** One reply: its lines up to and including the status line. */
  List<String> reply() throws IOException {
    List<String> lines = new ArrayList<>();
    String l;
    do {
      l = line();
      if (l == null) {
        throw new IOException("end of stream inside a reply: " + lines);
      }
      lines.add(l);
    } while (l.startsWith(Protocol.DATA));
    return lines;
  }

  /** Closes with a TCP reset instead of an orderly close, as a crashed client would. */
  void abort() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
