package dev.slubsmo.testmodule.server;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A client of {@link SmoServer}: sends one line at a time and reads its reply. */
public final class SmoClient implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 10_000;

  /** A reply: the output lines, then OK, or the error of the {@code ERR} status line. */
  public record Reply(List<String> output, boolean ok, String error) {
    /** The output as the session printed it: each line followed by a newline. */
    public String text() {
      StringBuilder sb = new StringBuilder();
      for (String l : output) {
        sb.append(l).append('\n');
      }
      return sb.toString();
    }
  }

  private final Socket socket;
  private final LineInput in;
  private final OutputStream out;

  private SmoClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new LineInput(socket.getInputStream(), Protocol.MAX_REPLY_LINE);
    this.out = new BufferedOutputStream(socket.getOutputStream());
  }

  /** Connects to a server at {@code host}:{@code port}. */
  public static SmoClient connect(String host, int port) throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
      return new SmoClient(s);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /**
   * Sends one request line and waits for its reply.
   *
   * @throws IllegalArgumentException if {@code line} holds a line break (it would be two requests)
   * @throws IOException if the connection fails, closes before the status line, or the server sends
   *     something that is not the protocol
   */
  public Reply send(String line) throws IOException {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("request holds a line break: '" + line + "'");
    }
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    return readReply();
  }

  private Reply readReply() throws IOException {
    List<String> output = new ArrayList<>();
    while (true) {
      String l;
      try {
        l = in.next();
      } catch (BadLineException e) {
        throw new IOException("protocol error: " + e.getMessage(), e);
      }
      if (l == null) {
        throw new EOFException("server closed the connection before the status line");
      }
      if (l.startsWith(Protocol.DATA)) {
        output.add(l.substring(Protocol.DATA.length()));
      } else if (l.equals(Protocol.OK)) {
        return new Reply(List.copyOf(output), true, null);
      } else if (l.startsWith(Protocol.ERR)) {
        return new Reply(List.copyOf(output), false, l.substring(Protocol.ERR.length()));
      } else {
        throw new IOException("protocol error: unexpected reply line '" + l + "'");
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
