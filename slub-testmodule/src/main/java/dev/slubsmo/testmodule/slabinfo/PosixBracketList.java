package dev.slubsmo.testmodule.slabinfo;

import java.util.BitSet;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * Mirrors glibc {@code parse_bracket_exp()} for one bracket list of a {@link PosixBasicRegex} in
 * the C locale: the list becomes a set of the 256 byte values, emitted as a Java character class. A
 * {@code ]} right after {@code [} or {@code [^} is literal, a {@code -} is literal first or last
 * and an error ({@code REG_ERANGE}) elsewhere outside a range, and backslash is literal.
 */
final class PosixBracketList {
  private static final int NAME_MAX = 32;

  private enum Kind {
    CHAR,
    RANGE,
    CLOSE,
    COLLATING,
    EQUIVALENCE,
    CLASS,
    END
  }

  private record Token(Kind kind, char c, int length) {}

  /** One element: a character, or a class, equivalence class or collating symbol by name. */
  private record Element(Kind kind, char c, String name) {}

  private final String p;
  private int pos;
  private final BitSet set = new BitSet(256);

  /**
   * @param p the whole pattern, one char per byte
   * @param pos the index just past the opening {@code [}
   */
  PosixBracketList(String p, int pos) {
    this.p = p;
    this.pos = pos;
  }

  /** Parses the list, reports the index just past its {@code ]}, and returns the Java class. */
  String parse(IntConsumer advanceTo) throws PosixBasicRegex.SyntaxError {
    boolean negate = false;
    Token token = peek();
    if (token.kind() == Kind.END) {
      throw new PosixBasicRegex.SyntaxError(PosixBasicRegex.REG_BADPAT);
    }
    if (token.kind() == Kind.CHAR && token.c() == '^') {
      negate = true;
      pos++;
      token = peek();
      if (token.kind() == Kind.END) {
        throw new PosixBasicRegex.SyntaxError(PosixBasicRegex.REG_BADPAT);
      }
    }
    if (token.kind() == Kind.CLOSE) {
      token = new Token(Kind.CHAR, ']', 1);
    }
    boolean first = true;
    while (true) {
      Element start = element(token, first);
      first = false;
      token = peek();
      boolean range = false;
      Token endToken = null;
      if (start.kind() != Kind.CLASS && start.kind() != Kind.EQUIVALENCE) {
        if (token.kind() == Kind.END) {
          throw new PosixBasicRegex.SyntaxError(PosixBasicRegex.REG_EBRACK);
        }
        if (token.kind() == Kind.RANGE) {
          pos += token.length();
          endToken = peek();
          if (endToken.kind() == Kind.END) {
            throw new PosixBasicRegex.SyntaxError(PosixBasicRegex.REG_EBRACK);
          }
          if (endToken.kind() == Kind.CLOSE) {
            pos -= token.length();
            token = new Token(Kind.CHAR, '-', 1);
          } else {
            range = true;
          }
        }
      }
      if (range) {
        Element end = element(endToken, true);
        token = peek();
        addRange(start, end);
      } else {
        add(start);
      }
      if (token.kind() == Kind.END) {
        throw new PosixBasicRegex.SyntaxError(PosixBasicRegex.REG_EBRACK);
      }
      if (token.kind() == Kind.CLOSE) {
        break;
      }
    }
    advanceTo.accept(pos + 1);
    return javaClass(negate);
  }

  /** Mirrors {@code peek_token_bracket()}; characters come upper-cased. */
  private Token peek() {
    if (pos >= p.length()) {
      return new Token(Kind.END, '\0', 0);
    }
    char c = p.charAt(pos);
    if (c == '[') {
      char c2 = pos + 1 < p.length() ? p.charAt(pos + 1) : '\0';
      return switch (c2) {
        case '.' -> new Token(Kind.COLLATING, c2, 2);
        case '=' -> new Token(Kind.EQUIVALENCE, c2, 2);
        case ':' -> new Token(Kind.CLASS, c2, 2);
        default -> new Token(Kind.CHAR, c, 1);
      };
    }
    return switch (c) {
      case '-' -> new Token(Kind.RANGE, c, 1);
      case ']' -> new Token(Kind.CLOSE, c, 1);
      default -> new Token(Kind.CHAR, PosixBasicRegex.upper(c), 1);
    };
  }

  /** Mirrors {@code parse_bracket_element()}: consumes the token and what it opens. */
  private Element element(Token token, boolean acceptHyphen) throws PosixBasicRegex.SyntaxError {
    pos += token.length();
    switch (token.kind()) {
      case COLLATING, EQUIVALENCE, CLASS:
        return new Element(token.kind(), '\0', symbol(token));
      case RANGE:
        if (!acceptHyphen && peek().kind() != Kind.CLOSE) {
          throw new PosixBasicRegex.SyntaxError(PosixBasicRegex.REG_ERANGE);
        }
        return new Element(Kind.CHAR, '-', "");
      default:
        return new Element(Kind.CHAR, token.c(), "");
    }
  }

  /** Mirrors {@code parse_bracket_symbol()}: the name up to the closing {@code :]}, etc. */
  private String symbol(Token open) throws PosixBasicRegex.SyntaxError {
    char delim = open.c();
    StringBuilder name = new StringBuilder();
    while (true) {
      if (name.length() >= NAME_MAX || pos >= p.length()) {
        throw new PosixBasicRegex.SyntaxError(PosixBasicRegex.REG_EBRACK);
      }
      char c = p.charAt(pos++);
      if (open.kind() != Kind.CLASS) {
        c = PosixBasicRegex.upper(c);
      }
      if (pos >= p.length()) {
        throw new PosixBasicRegex.SyntaxError(PosixBasicRegex.REG_EBRACK);
      }
      if (c == delim && p.charAt(pos) == ']') {
        pos++;
        return name.toString();
      }
      name.append(c);
    }
  }

  private void add(Element e) throws PosixBasicRegex.SyntaxError {
    switch (e.kind()) {
      case CHAR -> set.set(e.c());
      case CLASS -> addClass(e.name());
      default -> set.set(single(e));
    }
  }

  /** Mirrors {@code build_range_exp()}: byte order, and no classes as end points. */
  private void addRange(Element start, Element end) throws PosixBasicRegex.SyntaxError {
    if (isClass(start) || isClass(end)) {
      throw new PosixBasicRegex.SyntaxError(PosixBasicRegex.REG_ERANGE);
    }
    char from = start.kind() == Kind.CHAR ? start.c() : single(start);
    char to = end.kind() == Kind.CHAR ? end.c() : single(end);
    if (from > to) {
      throw new PosixBasicRegex.SyntaxError(PosixBasicRegex.REG_ERANGE);
    }
    set.set(from, to + 1);
  }

  private static boolean isClass(Element e) {
    return e.kind() == Kind.CLASS || e.kind() == Kind.EQUIVALENCE;
  }

  /** A collating symbol or equivalence class names one character in the C locale. */
  private static char single(Element e) throws PosixBasicRegex.SyntaxError {
    if (e.name().length() != 1) {
      throw new PosixBasicRegex.SyntaxError(PosixBasicRegex.REG_ECOLLATE);
    }
    return e.name().charAt(0);
  }

  /** Mirrors {@code build_charclass()} with {@code REG_ICASE}. */
  private void addClass(String name) throws PosixBasicRegex.SyntaxError {
    IntPredicate member =
        switch (name) {
          case "alpha", "upper", "lower" -> c -> isAlpha(c);
          case "digit" -> c -> c >= '0' && c <= '9';
          case "alnum" -> c -> isAlpha(c) || (c >= '0' && c <= '9');
          case "xdigit" -> c -> "0123456789ABCDEFabcdef".indexOf(c) >= 0;
          case "space" -> c -> " \t\n\u000b\f\r".indexOf(c) >= 0;
          case "blank" -> c -> c == ' ' || c == '\t';
          case "cntrl" -> c -> c < 32 || c == 127;
          case "print" -> c -> c >= 32 && c < 127;
          case "graph" -> c -> c > 32 && c < 127;
          case "punct" -> c -> c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
          default -> throw new PosixBasicRegex.SyntaxError(PosixBasicRegex.REG_ECTYPE);
        };
    for (int c = 0; c < 256; c++) {
      if (member.test(c)) {
        set.set(c);
      }
    }
  }

  private static boolean isAlpha(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** The set as a Java class of byte values; an empty set matches nothing. */
  private String javaClass(boolean negate) {
    BitSet members = (BitSet) set.clone();
    if (negate) {
      members.flip(0, 256);
    }
    if (members.isEmpty()) {
      return "(?!)";
    }
    StringBuilder b = new StringBuilder("[");
    for (int from = members.nextSetBit(0); from >= 0; ) {
      int to = members.nextClearBit(from) - 1;
      b.append(PosixBasicRegex.literal((char) from));
      if (to > from) {
        b.append('-').append(PosixBasicRegex.literal((char) to));
      }
      from = members.nextSetBit(to + 1);
    }
    return b.append(']').toString();
  }
}
