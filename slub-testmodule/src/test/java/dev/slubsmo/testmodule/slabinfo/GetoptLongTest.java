package dev.slubsmo.testmodule.slabinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** glibc {@code getopt_long} semantics, with the tool's option string and a small table. */
class GetoptLongTest {
  private static final List<GetoptLong.LongOption> LONG_OPTIONS =
      List.of(
          new GetoptLong.LongOption("slabs", GetoptLong.HasArg.NONE, 'l'),
          new GetoptLong.LongOption("shrink", GetoptLong.HasArg.NONE, 's'),
          new GetoptLong.LongOption("lines", GetoptLong.HasArg.REQUIRED, 'N'),
          new GetoptLong.LongOption("debug", GetoptLong.HasArg.OPTIONAL, 'd'));

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Each option as {@code c} or {@code c=optarg}, then the operands. */
  private List<String> parse(String... args) {
    GetoptLong getopt =
        new GetoptLong(
            "slabinfo",
            args,
            "aBd::lN:s",
            LONG_OPTIONS,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (int c = getopt.next(); c != GetoptLong.END; c = getopt.next()) {
      seen.add((char) c + (getopt.optarg() == null ? "" : "=" + getopt.optarg()));
    }
    seen.add("operands" + getopt.operands());
    return seen;
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void combinedShortOptionsAndAttachedArgument() {
    assertEquals(List.of("a", "B", "N=5", "operands[]"), parse("-aBN5"));
  }

  @Test
  void requiredArgumentTakesTheNextElementEvenIfItLooksLikeAnOption() {
    assertEquals(List.of("N=-a", "operands[]"), parse("-N", "-a"));
  }

  @Test
  void optionalArgumentIsOnlyTheRestOfTheElement() {
    assertEquals(List.of("d", "d=fz", "operands[x]"), parse("-d", "x", "-dfz"));
  }

  @Test
  void operandsArePermutedBehindTheOptions() {
    assertEquals(
        List.of("s", "a", "operands[dentry, inode]"), parse("dentry", "-s", "inode", "-a"));
  }

  @Test
  void doubleDashEndsTheOptions() {
    assertEquals(List.of("a", "operands[x, -B]"), parse("-a", "x", "--", "-B"));
  }

  @Test
  void longOptionsMayBeAbbreviatedAndTakeArguments() {
    assertEquals(
        List.of("N=7", "N=8", "d", "d=a", "l", "operands[]"),
        parse("--lines=7", "--li", "8", "--debug", "--debug=a", "--sl"));
  }

  @Test
  void ambiguousPrefixListsThePossibilities() {
    assertEquals(List.of("?", "operands[]"), parse("--s"));
    assertEquals(
        "slabinfo: option '--s' is ambiguous; possibilities: '--slabs' '--shrink'\n", err());
  }

  @Test
  void longOptionWithoutArgumentRejectsOne() {
    assertEquals(List.of("?", "operands[]"), parse("--slabs=3"));
    assertEquals("slabinfo: option '--slabs' doesn't allow an argument\n", err());
  }

  @Test
  void missingRequiredLongArgumentIsReported() {
    assertEquals(List.of("?", "operands[]"), parse("--lines"));
    assertEquals("slabinfo: option '--lines' requires an argument\n", err());
  }

  @Test
  void loneDashIsAnOperand() {
    assertEquals(List.of("operands[-]"), parse("-"));
  }
}
