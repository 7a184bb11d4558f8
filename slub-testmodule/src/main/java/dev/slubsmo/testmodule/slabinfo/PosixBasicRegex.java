package dev.slubsmo.testmodule.slabinfo;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A POSIX basic regular expression as glibc {@code regcomp(REG_ICASE | REG_NOSUB)} compiles it in
 * the C locale, searched for anywhere in a name as {@code regexec} does; translated to {@code
 * java.util.regex}.
 *
 * <p>Algorithm: a recursive-descent parser with glibc's structure (expression list, branch,
 * expression with its repetitions, bracket list) emits an equivalent Java pattern. Both pattern and
 * subject are taken as their UTF-8 bytes, one char per byte. Case is ignored the glibc way: the
 * subject and every pattern character are upper-cased (ASCII only), except a character written with
 * a backslash ({@code \c} for an ordinary c), which keeps its case, and the names of character
 * classes.
 *
 * <p>Supported: ordinary characters; {@code .} (any byte but NUL); {@code *}, literal at the start
 * of an expression; bracket lists with {@code ^}, a leading {@code ]}, ranges, {@code [:class:]}
 * for the twelve C classes ({@code upper} and {@code lower} mean {@code alpha}), {@code [=c=]} and
 * {@code [.c.]} for single characters, backslash literal inside; {@code \( \)} groups; {@code
 * \{m\}}, {@code \{m,\}}, {@code \{m,n\}}, {@code \{,n\}}; back-references {@code \1} to {@code
 * \9}; {@code ^} as an anchor at the start, after {@code \(} or {@code \|}, {@code $} at the end,
 * before {@code \)} or {@code \|}, elsewhere both literal; and the GNU operators {@code \| \+ \? \<
 * \> \b \B \w \W \s \S \` \'}. Errors carry glibc's {@code REG_*} codes, including {@code
 * REG_BADRPT} for two repetitions in a row ({@code a**}). Not supported: multi-character collating
 * elements (rejected as glibc's C locale rejects them) and POSIX leftmost-longest semantics, which
 * cannot change whether a search matches except through back-references.
 */
final class PosixBasicRegex {
  static final int REG_BADPAT = 2;
  static final int REG_ECOLLATE = 3;
  static final int REG_ECTYPE = 4;
  static final int REG_EESCAPE = 5;
  static final int REG_ESUBREG = 6;
  static final int REG_EBRACK = 7;
  static final int REG_EPAREN = 8;
  static final int REG_EBRACE = 9;
  static final int REG_BADBR = 10;
  static final int REG_ERANGE = 11;
  static final int REG_BADRPT = 13;
  static final int REG_ESIZE = 15;
  static final int REG_ERPAREN = 16;

  private static final int RE_DUP_MAX = 0x7fff;
  private static final String WORD = "[A-Za-z0-9_]";
  private static final String NOT_WORD = "[^A-Za-z0-9_]";

  /** A pattern {@code regcomp} rejects, with its error code. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;

    SyntaxError(int code) {
      super("regcomp error " + code);
      this.code = code;
    }
  }

  private final Pattern pattern;

  private PosixBasicRegex(Pattern pattern) {
    this.pattern = pattern;
  }

  /** Compiles {@code source} as {@code regcomp(REG_ICASE | REG_NOSUB)} would. */
  static PosixBasicRegex compile(String source) throws SyntaxError {
    return new PosixBasicRegex(Pattern.compile(new Parser(bytes(source)).parse()));
  }

  /** Whether the pattern matches anywhere in {@code name} ({@code regexec} returning 0). */
  boolean matches(String name) {
    return pattern.matcher(upper(bytes(name))).find();
  }

  private static String bytes(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String upper(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      b.append(upper(s.charAt(i)));
    }
    return b.toString();
  }

  static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
  }

  /** A Java pattern matching exactly the character {@code c}. */
  static String literal(char c) {
    boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    return alnum ? String.valueOf(c) : String.format("\\x{%x}", (int) c);
  }

  /** The tokens of glibc's {@code peek_token} outside bracket lists. */
  private enum Kind {
    CHAR,
    ANY,
    ATOM,
    OPEN_BRACKET,
    OPEN_GROUP,
    CLOSE_GROUP,
    BACKREF,
    ANCHOR,
    STAR,
    PLUS,
    QUESTION,
    OPEN_INTERVAL,
    CLOSE_INTERVAL,
    ALT,
    TRAILING_BACKSLASH,
    END
  }

  private record Token(Kind kind, char c, String text, int length) {
    static Token of(Kind kind, char c, int length) {
      return new Token(kind, c, "", length);
    }

    static Token text(Kind kind, String text) {
      return new Token(kind, '\0', text, 2);
    }
  }

  /** The parser over one pattern; {@code token} is the current token, already consumed. */
  private static final class Parser {
    private final String p;
    private int pos;
    private Token token;
    private int groups;
    private int completedGroups;

    Parser(String p) {
      this.p = p;
    }

    String parse() throws SyntaxError {
      fetch(true);
      return parseRegExp(0);
    }

    private void fetch(boolean caretAnchors) {
      token = scan(pos, caretAnchors);
      pos += token.length();
    }

    private Token scan(int at, boolean caretAnchors) {
      if (at >= p.length()) {
        return Token.of(Kind.END, '\0', 0);
      }
      char c = p.charAt(at);
      switch (c) {
        case '\\':
          return at + 1 >= p.length()
              ? Token.of(Kind.TRAILING_BACKSLASH, c, 1)
              : escaped(p.charAt(at + 1));
        case '*':
          return Token.of(Kind.STAR, c, 1);
        case '[':
          return Token.of(Kind.OPEN_BRACKET, c, 1);
        case '.':
          return Token.of(Kind.ANY, c, 1);
        case '^':
          return at == 0 || caretAnchors
              ? new Token(Kind.ANCHOR, c, "^", 1)
              : Token.of(Kind.CHAR, c, 1);
        case '$':
          if (at + 1 == p.length()) {
            return new Token(Kind.ANCHOR, c, "\\z", 1);
          }
          Kind next = scan(at + 1, false).kind();
          return next == Kind.ALT || next == Kind.CLOSE_GROUP
              ? new Token(Kind.ANCHOR, c, "\\z", 1)
              : Token.of(Kind.CHAR, c, 1);
        default:
          return Token.of(Kind.CHAR, upper(c), 1);
      }
    }

    private static Token escaped(char c) {
      return switch (c) {
        case '|' -> Token.of(Kind.ALT, c, 2);
        case '(' -> Token.of(Kind.OPEN_GROUP, c, 2);
        case ')' -> Token.of(Kind.CLOSE_GROUP, c, 2);
        case '+' -> Token.of(Kind.PLUS, c, 2);
        case '?' -> Token.of(Kind.QUESTION, c, 2);
        case '{' -> Token.of(Kind.OPEN_INTERVAL, c, 2);
        case '}' -> Token.of(Kind.CLOSE_INTERVAL, c, 2);
        case '<' -> Token.text(Kind.ANCHOR, "(?<!" + WORD + ")(?=" + WORD + ")");
        case '>' -> Token.text(Kind.ANCHOR, "(?<=" + WORD + ")(?!" + WORD + ")");
        case 'b' ->
            Token.text(
                Kind.ANCHOR,
                "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))");
        case 'B' ->
            Token.text(
                Kind.ANCHOR,
                "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))");
        case '`' -> Token.text(Kind.ANCHOR, "\\A");
        case '\'' -> Token.text(Kind.ANCHOR, "\\z");
        case 'w' -> Token.text(Kind.ATOM, WORD);
        case 'W' -> Token.text(Kind.ATOM, NOT_WORD);
        case 's' -> Token.text(Kind.ATOM, "[\\t\\n\\x0B\\f\\r ]");
        case 'S' -> Token.text(Kind.ATOM, "[^\\t\\n\\x0B\\f\\r ]");
        default -> c >= '1' && c <= '9' ? Token.of(Kind.BACKREF, c, 2) : Token.of(Kind.CHAR, c, 2);
      };
    }

    /** Mirrors {@code parse_reg_exp()}: branches separated by {@code \|}. */
    private String parseRegExp(int nest) throws SyntaxError {
      StringBuilder re = new StringBuilder(parseBranch(nest));
      while (token.kind() == Kind.ALT) {
        fetch(true);
        re.append('|');
        if (!endsBranch(nest)) {
          re.append(parseBranch(nest));
        }
      }
      return re.toString();
    }

    private boolean endsBranch(int nest) {
      Kind k = token.kind();
      return k == Kind.ALT || k == Kind.END || (nest > 0 && k == Kind.CLOSE_GROUP);
    }

    /** Mirrors {@code parse_branch()}: a sequence of expressions. */
    private String parseBranch(int nest) throws SyntaxError {
      StringBuilder branch = new StringBuilder(parseExpression(nest));
      while (!endsBranch(nest)) {
        branch.append(parseExpression(nest));
      }
      return branch.toString();
    }

    /** Mirrors {@code parse_expression()}: one atom and the repetitions that follow it. */
    private String parseExpression(int nest) throws SyntaxError {
      String atom;
      switch (token.kind()) {
        case CHAR, STAR, PLUS, QUESTION, CLOSE_INTERVAL -> atom = literal(token.c());
        case ANY -> atom = "[^\\x{0}]";
        case ATOM -> atom = token.text();
        case OPEN_BRACKET -> atom = new PosixBracketList(p, pos).parse(this::advanceTo);
        case OPEN_GROUP -> atom = parseGroup(nest);
        case BACKREF -> {
          int n = token.c() - '0';
          if ((completedGroups & (1 << n)) == 0) {
            throw new SyntaxError(REG_ESUBREG);
          }
          atom = "(?:\\" + n + ")";
        }
        case ANCHOR -> {
          String anchor = token.text();
          fetch(false);
          return anchor;
        }
        case CLOSE_GROUP -> throw new SyntaxError(REG_ERPAREN);
        case OPEN_INTERVAL -> throw new SyntaxError(REG_BADRPT);
        case TRAILING_BACKSLASH -> throw new SyntaxError(REG_EESCAPE);
        default -> {
          return "";
        }
      }
      fetch(false);
      while (isRepetition(token.kind())) {
        atom = "(?:" + atom + ")" + parseRepetition();
        fetch(false);
        if (token.kind() == Kind.STAR || token.kind() == Kind.OPEN_INTERVAL) {
          throw new SyntaxError(REG_BADRPT);
        }
      }
      return atom;
    }

    private void advanceTo(int next) {
      pos = next;
    }

    private static boolean isRepetition(Kind k) {
      return k == Kind.STAR || k == Kind.PLUS || k == Kind.QUESTION || k == Kind.OPEN_INTERVAL;
    }

    /** Mirrors {@code parse_sub_exp()}: a group, numbered when opened, usable once closed. */
    private String parseGroup(int nest) throws SyntaxError {
      int index = ++groups;
      fetch(true);
      String inner = "";
      if (token.kind() != Kind.CLOSE_GROUP) {
        inner = parseRegExp(nest + 1);
        if (token.kind() != Kind.CLOSE_GROUP) {
          throw new SyntaxError(REG_EPAREN);
        }
      }
      if (index <= 9) {
        completedGroups |= 1 << index;
      }
      return "(" + inner + ")";
    }

    /** Mirrors {@code parse_dup_op()}: the Java quantifier for the current repetition token. */
    private String parseRepetition() throws SyntaxError {
      switch (token.kind()) {
        case STAR:
          return "*";
        case PLUS:
          return "+";
        case QUESTION:
          return "?";
        default:
          break;
      }
      int start = fetchNumber();
      int end = 0;
      if (start == -1) {
        if (!isComma()) {
          throw new SyntaxError(REG_BADBR);
        }
        start = 0;
      }
      if (start != -2) {
        end = token.kind() == Kind.CLOSE_INTERVAL ? start : isComma() ? fetchNumber() : -2;
      }
      if (start == -2 || end == -2) {
        throw new SyntaxError(token.kind() == Kind.END ? REG_EBRACE : REG_BADBR);
      }
      if ((end != -1 && start > end) || token.kind() != Kind.CLOSE_INTERVAL) {
        throw new SyntaxError(REG_BADBR);
      }
      if ((end == -1 ? start : end) > RE_DUP_MAX) {
        throw new SyntaxError(REG_ESIZE);
      }
      return "{" + start + "," + (end == -1 ? "" : String.valueOf(end)) + "}";
    }

    private boolean isComma() {
      return token.kind() == Kind.CHAR && token.c() == ',';
    }

    /** Mirrors {@code fetch_number()}: -1 without digits, -2 on anything else. */
    private int fetchNumber() {
      int num = -1;
      while (true) {
        fetch(false);
        if (token.kind() == Kind.END) {
          return -2;
        }
        if (token.kind() == Kind.CLOSE_INTERVAL || isComma()) {
          return num;
        }
        char c = token.c();
        boolean digit = token.kind() == Kind.CHAR && c >= '0' && c <= '9';
        if (!digit || num == -2) {
          num = -2;
        } else {
          num = num == -1 ? c - '0' : Math.min(RE_DUP_MAX + 1, num * 10 + c - '0');
        }
      }
    }
  }
}
