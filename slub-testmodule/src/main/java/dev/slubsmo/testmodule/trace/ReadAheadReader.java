package dev.slubsmo.testmodule.trace;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A {@link Reader} that reads its source (typically xz decompression plus UTF-8 decoding) on a
 * background thread, so that a second CPU does that work while the caller parses.
 *
 * <p>Algorithm: a producer/consumer pair over two bounded queues of {@value #CHUNKS} reusable
 * chunks. The producer takes an empty chunk, fills it from the source and queues it as full; the
 * consumer drains full chunks in order and hands each back empty. Invariants: exactly {@value
 * #CHUNKS} chunks exist, so memory stays constant; chunks arrive in source order; the last queued
 * chunk is the end of the source or the exception that stopped it, which the consumer rethrows.
 */
final class ReadAheadReader extends Reader {
  private static final int CHUNKS = 4;

  /**
   * Large chunks keep hand-offs rare: waking a parked thread can take a tenth of a millisecond on a
   * virtual machine, which at 64 Ki characters a chunk stalled both threads for a third of the run.
   */
  private static final int CHUNK_CHARS = 1 << 18;

  /** A run of characters from the source, its end ({@code length < 0}), or its failure. */
  private static final class Chunk {
    final char[] chars = new char[CHUNK_CHARS];
    int length;
    Throwable failure;
  }

  private final Reader source;
  private final BlockingQueue<Chunk> empty = new ArrayBlockingQueue<>(CHUNKS);
  private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS);
  private final Thread producer;
  private volatile boolean closed;
  private Chunk current;
  private int offset;

  private ReadAheadReader(Reader source) {
    this.source = source;
    for (int i = 0; i < CHUNKS; i++) {
      empty.add(new Chunk());
    }
    producer = new Thread(this::produce, "trace-read-ahead");
    producer.setDaemon(true);
  }

  /** Starts reading {@code source} ahead on a new daemon thread. */
  static ReadAheadReader start(Reader source) {
    ReadAheadReader reader = new ReadAheadReader(source);
    reader.producer.start();
    return reader;
  }

  @Override
  public int read(char[] into, int off, int len) throws IOException {
    if (current != null && offset == current.length) {
      empty.add(current);
      current = null;
    }
    if (current == null) {
      current = take();
      offset = 0;
    }
    if (current.failure != null) {
      throw rethrow(current.failure);
    }
    if (current.length < 0) {
      return -1;
    }
    int n = Math.min(len, current.length - offset);
    System.arraycopy(current.chars, offset, into, off, n);
    offset += n;
    return n;
  }

  /** Stops the producer, waits for it to let go of the source, and closes the source. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    producer.interrupt();
    boolean interrupted = false;
    while (producer.isAlive()) {
      try {
        producer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    source.close();
  }

  private Chunk take() throws InterruptedIOException {
    try {
      return full.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for trace text");
    }
  }

  private void produce() {
    Chunk chunk = null;
    try {
      do {
        chunk = empty.take();
        chunk.length = fill(chunk.chars);
        full.put(chunk);
      } while (chunk.length >= 0 && !closed);
    } catch (InterruptedException e) {
      // close() asked the producer to stop
    } catch (Throwable t) {
      chunk.failure = t;
      full.add(chunk);
    }
  }

  /** Fills {@code chars} as far as the source allows; -1 at its end. */
  private int fill(char[] chars) throws IOException {
    int n = 0;
    while (n < chars.length) {
      int got = source.read(chars, n, chars.length - n);
      if (got < 0) {
        return n == 0 ? -1 : n;
      }
      n += got;
    }
    return n;
  }

  private static IOException rethrow(Throwable failure) {
    if (failure instanceof IOException) {
      return new IOException(failure.getMessage(), failure);
    }
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    throw (Error) failure;
  }
}
