package dev.slubsmo.suite.fuzz;

import dev.slubsmo.suite.xarray.XArrayModule;
import dev.slubsmo.testmodule.lang.Modules;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the next command from a seed, weighted, in the command language: allocations (on a node
 * or not), frees at positions (single, runs, or one-in-N holes that leave sparse slabs), remote
 * frees from another CPU, enable, shrink, defrag at a ratio, move, balance, knob writes (some out
 * of range, to be refused), failslab windows, the module's own test, and the XArray commands when
 * the module is loaded. Live objects are kept under {@link #CAP_SLABS} slabs' worth so each check
 * stays cheap.
 */
final class Generator {
  static final int CAP_SLABS = 14;
  private static final String SMO = Line.SLAB + "smo_test/";

  private final SplittableRandom r;
  private int cpu;

  Generator(SplittableRandom r) {
    this.r = r;
  }

  private enum Choice {
    ALLOC(18),
    ALLOC_NODE(8),
    FREE(16),
    HOLES(4),
    REMOTE_FREE(6),
    CPU(3),
    ENABLE(3),
    SHRINK(8),
    DEFRAG(4),
    MOVE(3),
    BALANCE(2),
    KNOB(4),
    FAILSLAB(3),
    TEST(15),
    XA_STORE(6),
    XA_ERASE(5),
    XA_MARK(3),
    XA_CLEAR(2),
    XA_SHRINK(3),
    XA_CHECK(1),
    XA_TEST(1);

    final int weight;

    Choice(int weight) {
      this.weight = weight;
    }
  }

  /** The lines of the next command for a machine in the state {@code m}. */
  List<String> next(RefModel m, int opS) {
    List<Choice> open = new ArrayList<>();
    int total = 0;
    for (Choice c : Choice.values()) {
      if (possible(c, m, opS)) {
        open.add(c);
        total += c.weight;
      }
    }
    int pick = r.nextInt(total);
    for (Choice c : open) {
      pick -= c.weight;
      if (pick < 0) {
        return lines(c, m, opS);
      }
    }
    throw new IllegalStateException("weights");
  }

  private static boolean possible(Choice c, RefModel m, int opS) {
    int live = m.live.size();
    return switch (c) {
      case ALLOC, ALLOC_NODE -> live < CAP_SLABS * opS;
      case FREE, HOLES, REMOTE_FREE -> live > 0;
      case ENABLE -> !m.movable;
      case MOVE, BALANCE -> m.nodes > 1;
      case TEST -> live == 0 && m.pristine() && !m.failslab();
      case XA_STORE, XA_ERASE, XA_MARK, XA_CLEAR, XA_SHRINK, XA_CHECK, XA_TEST -> m.xa != null;
      default -> true;
    };
  }

  private List<String> lines(Choice c, RefModel m, int opS) {
    int live = m.live.size();
    int room = CAP_SLABS * opS - live;
    return switch (c) {
      case ALLOC -> List.of(callfn("alloc " + (1 + r.nextInt(Math.min(room, 2 * opS + 2)))));
      case ALLOC_NODE ->
          List.of(
              callfn(
                  "alloc "
                      + (1 + r.nextInt(Math.min(room, 2 * opS + 2)))
                      + " "
                      + r.nextInt(m.nodes)));
      case FREE -> List.of(free(live, opS));
      case HOLES -> holes(live, opS);
      case REMOTE_FREE -> List.of(switchCpu(m), free(live, opS));
      case CPU -> List.of(switchCpu(m));
      case ENABLE -> List.of(callfn("enable"));
      case SHRINK -> List.of("echo 1 > " + SMO + "shrink");
      case DEFRAG -> defrag(m);
      case MOVE -> List.of("echo " + move(m) + " > " + SMO + "move");
      case BALANCE -> List.of("echo 1 > " + SMO + "balance");
      case KNOB -> List.of(knob(m));
      case FAILSLAB -> failslab(m);
      case TEST ->
          List.of(
              callfn(
                  r.nextBoolean()
                      ? "test"
                      : "test " + (1 + r.nextInt(300)) + " " + (2 + r.nextInt(9))));
      case XA_STORE -> List.of(xa("store " + r.nextInt(2048) + " " + (1 + r.nextInt(96))));
      case XA_ERASE -> List.of(xa("erase " + r.nextInt(10048) + " " + (1 + r.nextInt(512))));
      case XA_MARK -> List.of(xa("mark " + r.nextInt(2048) + " " + r.nextInt(3)));
      case XA_CLEAR -> List.of(xa("clear " + r.nextInt(2048) + " " + r.nextInt(3)));
      case XA_SHRINK ->
          List.of(
              "echo 1 > "
                  + Line.SLAB
                  + (r.nextBoolean() ? XArrayModule.THING_CACHE : XArrayModule.NODE_CACHE)
                  + "/shrink");
      case XA_CHECK -> List.of(xa("check"));
      case XA_TEST ->
          List.of(
              xa("erase 0 " + 2 * XArrayModule.LOAD_ITEMS),
              xa("test " + (1 + r.nextInt(3000)) + " " + (1 + r.nextInt(10))));
    };
  }

  private static String callfn(String cmd) {
    return "echo " + cmd + " > " + Modules.SMO_CALLFN;
  }

  private static String xa(String cmd) {
    return "echo " + cmd + " > " + XArrayModule.CALLFN;
  }

  /** One free: mostly a few objects, sometimes a slab's worth, rarely everything from POS on. */
  private String free(int live, int opS) {
    int n = r.nextInt(20) == 0 ? 0 : 1 + r.nextInt(r.nextInt(4) == 0 ? opS + 1 : 4);
    return callfn("free " + n + " " + r.nextInt(live));
  }

  /** Frees every step-th object from a start, leaving one survivor per few slots. */
  private List<String> holes(int live, int opS) {
    List<String> out = new ArrayList<>();
    int step = 2 + r.nextInt(opS);
    int keep = 1 + r.nextInt(step - 1);
    for (int pos = r.nextInt(Math.min(live, step)); pos < live && out.size() < 24; pos += keep) {
      int n = Math.min(step - keep, live - pos);
      out.add(callfn("free " + n + " " + pos));
      live -= n;
    }
    return out;
  }

  private String switchCpu(RefModel m) {
    int next = r.nextInt(m.cpus);
    if (next == cpu && m.cpus > 1) {
      next = (next + 1) % m.cpus;
    }
    cpu = next;
    return "cpu " + next;
  }

  private List<String> defrag(RefModel m) {
    String node = r.nextInt(3) == 0 ? " " + r.nextInt(m.nodes) : "";
    return List.of(
        "echo " + r.nextInt(101) + " > " + SMO + "defrag_used_ratio", "defrag_slabs" + node);
  }

  private String move(RefModel m) {
    int from = r.nextInt(m.nodes);
    int to = (from + 1 + r.nextInt(m.nodes - 1)) % m.nodes;
    return r.nextInt(4) == 0 ? "N" + to : "N" + from + " N" + to;
  }

  /** A tunable write; about one in eight is out of range and must be refused. */
  private String knob(RefModel m) {
    boolean bad = r.nextInt(8) == 0;
    return switch (r.nextInt(3)) {
      case 0 -> "echo " + r.nextInt(13) + " > " + SMO + "min_partial";
      case 1 ->
          "echo "
              + (m.debug ? (bad ? 1 + r.nextInt(30) : 0) : r.nextInt(61))
              + " > "
              + SMO
              + "cpu_partial";
      default ->
          "echo "
              + (bad ? 101 + r.nextInt(100) : r.nextInt(101))
              + " > "
              + SMO
              + "remote_node_defrag_ratio";
    };
  }

  /** Opens a failslab window on smo_test, or closes the open one. */
  private List<String> failslab(RefModel m) {
    if (m.failslab()) {
      return List.of("echo 0 > " + SMO + "failslab_probability");
    }
    List<String> out = new ArrayList<>();
    out.add("echo " + (r.nextInt(4) == 0 ? -1 : 1 + r.nextInt(6)) + " > " + SMO + "failslab_times");
    if (r.nextInt(3) == 0) {
      out.add("echo " + (1 + r.nextInt(4)) + " > " + SMO + "failslab_interval");
    }
    out.add("echo " + (5 + r.nextInt(60)) + " > " + SMO + "failslab_probability");
    return out;
  }
}
