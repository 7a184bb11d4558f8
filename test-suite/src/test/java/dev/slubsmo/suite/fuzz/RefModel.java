package dev.slubsmo.suite.fuzz;

import dev.slubsmo.suite.xarray.XArrayModule;
import dev.slubsmo.suite.xarray.XaModel;
import dev.slubsmo.testmodule.lang.CommandException;
import dev.slubsmo.testmodule.lang.Session;
import dev.slubsmo.testmodule.module.SmoTestModule;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference model a fuzzed script is checked against: the machine's shape, the ids of the live
 * {@code smo_test} objects (strict mode gives each new object the next id), whether the cache is
 * movable, its failslab setting, and the XArray's contents. The model owns the id set; which ids a
 * {@code free N POS} takes is read from the module's list just before the line, since a migration
 * re-appends objects in an order only the allocator decides.
 */
final class RefModel {
  private static final Pattern ALLOCATED = Pattern.compile("allocated (\\d+) of");

  int nodes = 1;
  int cpus = 2;
  boolean debug;
  boolean minimalMove;
  boolean strict = true;
  boolean smoLoaded = true;
  boolean movable;
  final LiveIds live = new LiveIds();
  private boolean pristine = true;
  long nextId;
  long failProbability;
  long failTimes = 1;
  XaModel xa;
  private long[] freeing = new long[0];
  private boolean liveWasEmpty = true;
  private boolean xaWasEmpty = true;

  /** Whether failslab can fail {@code smo_test} allocations. */
  boolean failslab() {
    return failProbability > 0 && failTimes != 0;
  }

  /**
   * Reads what the line needs from the state before it runs; {@code listed} is the module's list of
   * ids as the previous line's checks read it, or null when they did not.
   */
  void before(Line l, Session s, long[] listed) {
    liveWasEmpty = live.isEmpty();
    xaWasEmpty = xa == null || xa.empty();
    if (l.kind() == Kind.FREE && smoLoaded && strict) {
      long[] ids = listed != null ? listed : ids(s);
      long n = l.arg(0) == -1 ? 1 : l.arg(0);
      int from = (int) Math.min(Math.max(l.arg(1), 0), ids.length);
      int to = n == 0 ? ids.length : (int) Math.min(ids.length, from + n);
      freeing = Arrays.copyOfRange(ids, from, Math.max(from, to));
    }
  }

  private static long[] ids(Session s) {
    return s.smoModule().ids().stream().mapToLong(Long::longValue).toArray();
  }

  /** What a line must do: succeed, be refused, or either (the model cannot tell). */
  enum Outcome {
    SUCCEED,
    REFUSE,
    EITHER
  }

  Outcome expected(Line l) {
    return switch (l.kind()) {
      case CPU -> l.arg(0) >= 0 && l.arg(0) < cpus ? Outcome.SUCCEED : Outcome.REFUSE;
      case ALLOC, ALLOC_NODE -> allocOutcome(l);
      case FREE -> l.arg(0) >= -1 && l.arg(1) >= -1 ? Outcome.SUCCEED : Outcome.REFUSE;
      case ENABLE, SHRINK, BALANCE, CHECK, XA_CHECK -> Outcome.SUCCEED;
      case TEST -> testOutcome();
      case DEFRAG -> l.arg(0) < nodes ? Outcome.SUCCEED : Outcome.REFUSE;
      case MOVE -> validNodes(l) ? Outcome.SUCCEED : Outcome.REFUSE;
      case DEFRAG_RATIO -> l.arg(0) <= 100 ? Outcome.SUCCEED : Outcome.REFUSE;
      case KNOB -> knobOutcome(l);
      case FAILSLAB -> failslabOutcome(l);
      case XA_STORE, XA_ERASE -> l.arg(0) >= 0 && l.arg(1) != 0 ? Outcome.SUCCEED : Outcome.EITHER;
      case XA_MARK, XA_CLEAR ->
          l.arg(0) >= 0 && l.arg(1) >= 0 && l.arg(1) < XaModel.MARKS
              ? Outcome.SUCCEED
              : Outcome.EITHER;
      case XA_TEST -> xaWasEmpty ? Outcome.SUCCEED : Outcome.EITHER;
      default -> Outcome.EITHER;
    };
  }

  /**
   * The module's {@code test} refuses a non-empty list. Its constructor check allocates one object
   * and wants {@code id == -1}, which only a slot never used since the cache was created has (the
   * constructor runs once per slab, not per allocation); so it must pass only on a pristine cache.
   */
  private Outcome testOutcome() {
    if (!liveWasEmpty) {
      return Outcome.REFUSE;
    }
    return pristine && !failslab() ? Outcome.SUCCEED : Outcome.EITHER;
  }

  /** Whether no object was ever allocated from {@code smo_test} since it was created. */
  boolean pristine() {
    return pristine;
  }

  private Outcome allocOutcome(Line l) {
    if (l.arg(0) < -1 || l.arg(1) < -1 || l.arg(1) >= nodes) {
      return Outcome.REFUSE;
    }
    return failslab() ? Outcome.EITHER : Outcome.SUCCEED;
  }

  private boolean validNodes(Line l) {
    for (long n : l.args()) {
      if (n < 0 || n >= nodes) {
        return false;
      }
    }
    return l.args().length >= 1 && l.args().length <= 2;
  }

  private Outcome knobOutcome(Line l) {
    long v = l.arg(0);
    return switch (l.file()) {
      case "min_partial" -> v >= 0 ? Outcome.SUCCEED : Outcome.REFUSE;
      case "cpu_partial" -> v == 0 || (v > 0 && !debug) ? Outcome.SUCCEED : Outcome.REFUSE;
      case "remote_node_defrag_ratio" -> v >= 0 && v <= 100 ? Outcome.SUCCEED : Outcome.REFUSE;
      default -> Outcome.EITHER;
    };
  }

  private Outcome failslabOutcome(Line l) {
    long v = l.arg(0);
    boolean ok =
        switch (l.file()) {
          case "failslab_probability" -> v >= 0 && v <= 100;
          case "failslab_interval" -> v >= 1;
          default -> v >= -1;
        };
    return ok ? Outcome.SUCCEED : Outcome.REFUSE;
  }

  /** Applies a line that ran ({@code refusal} null) or was refused. */
  void after(Line l, Session s, CommandException refusal) {
    switch (l.kind()) {
      case MACHINE -> {
        if (refusal == null) {
          boot(l.text());
        }
      }
      case INSMOD -> {
        if (refusal == null) {
          insmod(l.text());
        }
      }
      case ALLOC, ALLOC_NODE -> {
        long n = l.arg(0) == -1 ? 1 : l.arg(0);
        long made = refusal == null ? n : allocated(refusal);
        pristine &= made == 0;
        for (long i = 0; i < made; i++) {
          live.add(nextId++);
        }
      }
      case FREE -> {
        if (refusal == null) {
          for (long id : freeing) {
            live.remove(id);
          }
        }
      }
      case ENABLE -> movable |= refusal == null;
      case TEST -> {
        pristine &= !liveWasEmpty;
        if (refusal == null) {
          movable = true;
        } else if (liveWasEmpty) {
          resync(s);
        }
      }
      case FAILSLAB -> {
        if (refusal == null && l.cache().equals(SmoTestModule.CACHE)) {
          failslab(l);
        }
      }
      case XA_STORE, XA_ERASE, XA_MARK, XA_CLEAR, XA_TEST -> {
        if (refusal == null && xa != null) {
          xarray(l);
        }
      }
      case OTHER -> {
        if (refusal == null) {
          rmmod(l.text());
        }
      }
      default -> {}
    }
  }

  private void boot(String text) {
    nodes = 1;
    Integer cpuWord = null;
    debug = false;
    minimalMove = false;
    strict = true;
    for (String w : text.split(" +")) {
      if (w.startsWith("nodes=")) {
        nodes = Integer.parseInt(w.substring(6));
      } else if (w.startsWith("cpus=")) {
        cpuWord = Integer.parseInt(w.substring(5));
      } else if (w.startsWith("slub_debug")) {
        debug = true;
      } else if (w.equals("placement=minimal-move")) {
        minimalMove = true;
      } else if (w.equals("fidelity=kernel")) {
        strict = false;
      }
    }
    cpus = cpuWord == null ? 2 * nodes : cpuWord;
    resetSmo();
    xa = null;
  }

  private void resetSmo() {
    smoLoaded = true;
    pristine = true;
    live.clear();
    nextId = 0;
    movable = false;
    failProbability = 0;
    failTimes = 1;
  }

  private void insmod(String text) {
    if (text.endsWith(" " + XArrayModule.NAME)) {
      xa = XaModel.afterTest(XArrayModule.LOAD_ITEMS, XArrayModule.LOAD_KEEP);
    } else {
      resetSmo();
    }
  }

  private void rmmod(String text) {
    if (text.equals("rmmod " + XArrayModule.NAME)) {
      xa = null;
    } else if (text.equals("rmmod slub_defrag")) {
      smoLoaded = false;
      live.clear();
    }
  }

  private static long allocated(CommandException refusal) {
    Matcher m = ALLOCATED.matcher(refusal.getMessage());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** A failed {@code test} under failslab leaves what it had allocated; the module is the truth. */
  private void resync(Session s) {
    live.clear();
    s.smoModule().ids().forEach(live::add);
    movable = s.smoModule().cache().mobility() != null;
  }

  private void failslab(Line l) {
    switch (l.file()) {
      case "failslab_probability" -> failProbability = l.arg(0);
      case "failslab_times" -> failTimes = l.arg(0);
      default -> {}
    }
  }

  private void xarray(Line l) {
    long count = l.arg(1) == -1 ? 1 : l.arg(1);
    switch (l.kind()) {
      case XA_STORE -> xa.store(l.arg(0), count);
      case XA_ERASE -> xa.erase(l.arg(0), count);
      case XA_MARK -> xa.mark(l.arg(0), (int) l.arg(1));
      case XA_CLEAR -> xa.clear(l.arg(0), (int) l.arg(1));
      default -> {
        if (xaWasEmpty) {
          xa =
              XaModel.afterTest(
                  l.arg(0) == -1 ? XArrayModule.LOAD_ITEMS : l.arg(0),
                  l.arg(1) == -1 ? XArrayModule.LOAD_KEEP : l.arg(1));
        }
      }
    }
  }
}
