package dev.slubsmo.testmodule.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One client of the server, served by its own thread: reads a request line, has the server's
 * executor apply it, writes the reply, and repeats, so a client's replies come in request order.
 * {@code quit} is answered here; a bad line is answered without reaching the session.
 */
final class ClientConnection implements Runnable {
  private final SmoServer server;
  private final Socket socket;

  ClientConnection(SmoServer server, Socket socket) {
    this.server = server;
    this.socket = socket;
  }

  @Override
  public void run() {
    try (Socket s = socket) {
      s.setTcpNoDelay(true);
      LineInput in = new LineInput(s.getInputStream(), Protocol.MAX_REQUEST);
      OutputStream out = new BufferedOutputStream(s.getOutputStream());
      boolean open = true;
      while (open) {
        open = serveOne(in, out);
      }
    } catch (IOException e) {
      // The client went away or the server closed the socket: there is nobody left to answer.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.left(this);
    }
  }

  /** Answers one request; false when the connection is over. */
  private boolean serveOne(LineInput in, OutputStream out)
      throws IOException, InterruptedException {
    String line;
    try {
      line = in.next();
    } catch (BadLineException e) {
      Protocol.writeReply(out, "", e.getMessage());
      return true;
    }
    if (line == null) {
      return false;
    }
    if (line.strip().equals(Protocol.QUIT)) {
      Protocol.writeReply(out, "", null);
      return false;
    }
    Outcome o = server.execute(line);
    if (o.stop() == null) {
      Protocol.writeReply(out, o.output(), o.error());
      return true;
    }
    try {
      Protocol.writeReply(out, o.output(), o.error());
    } finally {
      server.stop(o.stop());
    }
    return false;
  }

  /** Closes the socket, which ends the connection's thread. */
  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is best effort: the thread ends on its next read or write either way.
    }
  }
}
