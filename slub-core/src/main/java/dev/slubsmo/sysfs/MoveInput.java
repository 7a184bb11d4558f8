package dev.slubsmo.sysfs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input of sysfs {@code move} (smo.md 6.1, K6), in two modes.
 *
 * <p>Kernel mode is {@code parse_move_store_input} plus {@code move_store}: strip one trailing
 * newline, split at the first space, drop one {@code n}/{@code N} from each token and convert it
 * with {@code kstrtol}; any conversion failure is {@code -EINVAL}. An empty first token (empty
 * line, leading space) converts nothing, so the write is a silent no-op. Then the nodes are checked
 * after truncation to {@code int}, as {@code is_valid_node(int)} receives them: both valid moves
 * between them, only the first valid moves everything to it ({@code N0 N9} acts as {@code N0}),
 * otherwise nothing happens, and the write still succeeds.
 *
 * <p>Strict mode accepts exactly {@code [nN]?<a>} or {@code [nN]?<a> [nN]?<b>} with unsigned
 * decimal node numbers of existing nodes and at most one trailing newline; anything else is one
 * {@code -EINVAL} naming what is wrong.
 */
final class MoveInput {
  private static final Pattern STRICT = Pattern.compile("[nN]?(\\d+)(?: [nN]?(\\d+))?\n?");

  private MoveInput() {}

  /** Parses a write for a machine with nodes {@code 0..nodes-1}, strictly or as the kernel. */
  static MoveCommand parse(String value, int nodes, boolean kernelFidelity) {
    return kernelFidelity ? kernel(value, nodes) : strict(value, nodes);
  }

  static MoveCommand strict(String value, int nodes) {
    Matcher m = STRICT.matcher(value);
    if (!m.matches()) {
      throw new AttributeError(
          Errno.EINVAL, "expected 'N<node>' or 'N<node> N<target>' with single spaces");
    }
    int node = node(m.group(1), nodes);
    return m.group(2) == null
        ? MoveCommand.toNode(node)
        : MoveCommand.between(node, node(m.group(2), nodes));
  }

  private static int node(String digits, int nodes) {
    int n;
    try {
      n = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      n = Integer.MAX_VALUE;
    }
    if (n >= nodes) {
      throw new AttributeError(
          Errno.EINVAL, "no node " + digits + " (the machine has nodes 0.." + (nodes - 1) + ")");
    }
    return n;
  }

  static MoveCommand kernel(String value, int nodes) {
    String s = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    int space = s.indexOf(' ');
    String first = space < 0 ? s : s.substring(0, space);
    if (first.isEmpty()) {
      return MoveCommand.NONE;
    }
    long arg0 = kstrtolToken(first);
    long arg1 = space < 0 ? -1 : kstrtolToken(s.substring(space + 1));
    boolean valid0 = valid((int) arg0, nodes);
    if (valid0 && valid((int) arg1, nodes)) {
      return MoveCommand.between((int) arg0, (int) arg1);
    }
    return valid0 ? MoveCommand.toNode((int) arg0) : MoveCommand.NONE;
  }

  private static long kstrtolToken(String token) {
    String t = token.startsWith("N") || token.startsWith("n") ? token.substring(1) : token;
    try {
      return Kstrtox.kstrtoll(t);
    } catch (AttributeError e) {
      throw new AttributeError(
          Errno.EINVAL, "token '" + SysfsException.visible(token) + "': " + e.getMessage());
    }
  }

  /** {@code is_valid_node}: a node with normal memory; every model node has memory. */
  private static boolean valid(int node, int nodes) {
    return node >= 0 && node < nodes;
  }
}
