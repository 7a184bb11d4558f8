package dev.slubsmo.testmodule.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads and writes pseudo-files of sysfs, procfs and tracefs, naming the file in every error. */
final class KernelFiles {
  private static final int CHUNK = 65536;

  private KernelFiles() {}

  /**
   * Reads a whole pseudo-file in reads of {@value #CHUNK} bytes. Its stat size is 0, and some
   * tracefs files (event filters) answer only the read at offset 0, so the first read must ask for
   * more than the file holds; Files.readAllBytes would ask for one byte.
   */
  static byte[] readBytes(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[CHUNK];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new LiveKernelException("cannot read " + file + ": " + reason(e), e);
    }
  }

  /** Reads a whole pseudo-file as text. */
  static String read(Path file) {
    return new String(readBytes(file), StandardCharsets.UTF_8);
  }

  /** Reads a file holding one decimal integer, as sysfs prints plain attributes. */
  static int readInt(Path file) {
    String text = read(file).trim();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new LiveKernelException(file + ": expected an integer, got '" + text + "'", e);
    }
  }

  /** Writes a value to a control file in one write, as {@code echo value > file} does. */
  static void write(Path file, String value) {
    try {
      Files.writeString(
          file, value, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new LiveKernelException(
          "cannot write '" + value + "' to " + file + ": " + reason(e), e);
    }
  }

  /** Writes a file of the capture directory. */
  static void writeOutput(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new LiveKernelException("cannot write " + file + ": " + reason(e), e);
    }
  }

  /** Says in a few words why an I/O operation failed. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
