package dev.slubsmo.testmodule.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtocolTest {
  private static String reply(String output, String error) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    Protocol.writeReply(b, output, error);
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void okWithoutOutputIsOneLine() throws IOException {
    assertEquals("OK\n", reply("", null));
  }

  @Test
  void everyOutputLineIsPrefixed() throws IOException {
    assertEquals(". OK\n. \n. ERR x\nOK\n", reply("OK\n\nERR x\n", null));
  }

  @Test
  void lastOutputLineWithoutNewlineIsStillALine() throws IOException {
    assertEquals(". a\n. b\nOK\n", reply("a\nb", null));
  }

  @Test
  void errorMessageIsFlattenedToOneLine() throws IOException {
    assertEquals("ERR a b c\n", reply("", "a\nb\r\nc\n"));
  }

  @Test
  void outputPrecedesTheErrorStatus() throws IOException {
    assertEquals(". partial\nERR failed\n", reply("partial\n", "failed"));
  }
}
