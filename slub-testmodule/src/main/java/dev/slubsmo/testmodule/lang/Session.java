package dev.slubsmo.testmodule.lang;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.slubsmo.Machine;
import dev.slubsmo.debug.InvariantChecker.Tunables;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.ObjectCtor;
import dev.slubsmo.slab.SlabFlags;
import dev.slubsmo.smo.Defrag;
import dev.slubsmo.sysfs.ProcFiles;
import dev.slubsmo.sysfs.SlabDefragFiles;
import dev.slubsmo.sysfs.SysfsException;
import dev.slubsmo.sysfs.SysfsTree;
import dev.slubsmo.testmodule.module.SmoTestModule;
import dev.slubsmo.testmodule.slabinfo.ModelSlabSysfs;
import dev.slubsmo.testmodule.slabinfo.SlabinfoDialect;
import dev.slubsmo.testmodule.slabinfo.SlabinfoTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One machine driven by the command language: the lines a user types in {@code smo shell}, lists in
 * a {@code .smo} script, or sends to the server. {@link #execute} runs one line and returns what it
 * prints; a refused line throws {@link CommandException} and changes nothing. Each line runs under
 * the machine lock ({@link Machine#exclusive}), so the background defrag daemon works only between
 * lines.
 *
 * <pre>
 * machine [nodes=N] [cpus=N] [mem=SIZE] [slub_debug[=FLAGS]] [nomerge] [profile=..] [seed=N] ...
 * insmod slub_defrag | slub_defrag_xarray        rmmod NAME
 * cpu N                                          create NAME size=N [align=N] [flags=F,F...]
 * echo [-n] WORDS > PATH                         cat PATH          ls [DIR]
 * check                                          dmesg [-c]        defrag_slabs [NODE]
 * slabinfo [OPTIONS] [PATTERN]   (the kernel's slabinfo tool, SMO dialect, over this model)
 * expect PATH = TEXT                             expect PATH KEY==N|KEY<=N|KEY>=N...
 * inject redzone (test-only fault injection, {@link FaultInjection})
 * # comment
 * </pre>
 *
 * <p>{@code check} vouches for creation-time tunables ({@link Tunables#AS_CREATED}) until a line
 * writes one of {@link #TUNABLE_FILES}; from then on it checks with {@link Tunables#WRITTEN}.
 * {@code /sys/kernel/debug/smo/ids} is the model's own read-only file: the listed ids of strict
 * mode as {@link IdRanges}, so a script can assert which objects exist; {@code
 * /sys/kernel/debug/smox/things} likewise lists the XArray module's present indices, then {@code
 * markM=RANGES} for each mark set somewhere.
 */
public final class Session {
  /** The sysfs files whose writes change what the checker may assume about a cache. */
  public static final Set<String> TUNABLE_FILES =
      Set.of(
          "order",
          "min_partial",
          "cpu_partial",
          "sanity_checks",
          "red_zone",
          "poison",
          "store_user",
          "trace",
          "failslab",
          "reclaim_account");

  private Machine machine;
  private Cpu cpu;
  private SmoTestModule smo;
  private Modules modules;
  private SysfsTree sysfs;
  private ProcFiles proc;
  private SlabDefragFiles slabDefrag;
  private int dmesgMark;
  private Tunables tunables;
  private final List<Runnable> onReboot = new ArrayList<>();
  private final List<Consumer<String>> afterCommand = new ArrayList<>();

  /** A session on a bare {@code machine}: 1 node, 2 CPUs, 1 GiB, slub_defrag loaded. */
  public Session() {
    boot(MachineSpec.parse(List.of()));
  }

  /**
   * A session on the machine a {@code machine} line describes (for instance {@code machine mem=8M},
   * which boots faster than the default's 1 GiB), slub_defrag loaded.
   *
   * @throws CommandException when the line is not a valid {@code machine} command
   */
  public Session(String machineLine) {
    List<String> w = Words.split(machineLine);
    if (w.isEmpty() || !w.get(0).equals("machine")) {
      throw new CommandException("session: expected a machine line, got '" + machineLine + "'");
    }
    boot(MachineSpec.parse(w.subList(1, w.size())));
  }

  private void boot(MachineSpec spec) {
    Machine m = new Machine(spec.config(), spec.options());
    if (machine != null) {
      machine.shutdown();
    }
    machine = m;
    cpu = m.cpu(0);
    sysfs = new SysfsTree(m.slub(), () -> cpu);
    proc = new ProcFiles(m.slub());
    slabDefrag = new SlabDefragFiles(m.defragDaemon());
    modules = new Modules(m);
    smo = modules.insmodSmo(cpu);
    dmesgMark = 0;
    tunables = Tunables.AS_CREATED;
    onReboot.forEach(Runnable::run);
    m.releaseCpus();
  }

  /** Runs {@code r} each time a {@code machine} command boots a fresh machine. */
  public void onReboot(Runnable r) {
    onReboot.add(r);
  }

  /**
   * Runs {@code hook} with each line the session carried out without refusal, after it ran: the
   * seam through which a test attaches its probes to what a script sets up (a cache's mobility, a
   * loaded module).
   */
  public void afterEachCommand(Consumer<String> hook) {
    afterCommand.add(hook);
  }

  public Machine machine() {
    return machine;
  }

  public Cpu cpu() {
    return cpu;
  }

  /** The loaded slub_defrag module, or null. */
  public SmoTestModule smoModule() {
    return smo;
  }

  public Modules modules() {
    return modules;
  }

  /** This machine's {@code /sys/kernel/slab}. */
  public SysfsTree sysfs() {
    return sysfs;
  }

  /** What {@code check} assumes about tunables right now. */
  public Tunables tunables() {
    return tunables;
  }

  /** Runs one line; returns its output (possibly empty, each printed line ending in a newline). */
  public String execute(String line) {
    return machine.exclusive(() -> executeLocked(line));
  }

  private String executeLocked(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return "";
    }
    String out = run(trimmed);
    for (Consumer<String> hook : afterCommand) {
      hook.accept(trimmed);
    }
    return out;
  }

  private String run(String trimmed) {
    List<String> w = Words.split(trimmed);
    String cmd = w.get(0);
    List<String> args = w.subList(1, w.size());
    try {
      return switch (cmd) {
        case "machine" -> {
          boot(MachineSpec.parse(args));
          yield "";
        }
        case "insmod" -> insmod(args);
        case "rmmod" -> rmmod(args);
        case "cpu" -> selectCpu(args);
        case "create" -> create(args);
        case "echo" -> echo(trimmed);
        case "cat" -> cat(args);
        case "ls" -> ls(args);
        case "check" -> check(args);
        case "dmesg" -> dmesg(args);
        case "defrag_slabs" -> defragSlabs(args);
        case "slabinfo" -> slabinfo(args);
        case "expect" -> expect(args, trimmed);
        case "inject" -> FaultInjection.inject(args, smo);
        default ->
            throw new CommandException(
                "unknown command '"
                    + cmd
                    + "' (expected machine, insmod, rmmod, cpu, create, echo, cat, ls, check,"
                    + " dmesg, defrag_slabs, slabinfo, expect or inject)");
      };
    } catch (SysfsException e) {
      throw new CommandException(e.getMessage(), e);
    }
  }

  private static void arity(String cmd, List<String> args, int min, int max, String usage) {
    if (args.size() < min || args.size() > max) {
      throw new CommandException(
          cmd + ": expected " + usage + ", got '" + String.join(" ", args) + "'");
    }
  }

  private String insmod(List<String> args) {
    arity("insmod", args, 1, 1, "insmod slub_defrag|slub_defrag_xarray");
    String name = args.get(0);
    if (name.equals(Modules.SLUB_DEFRAG)) {
      smo = modules.insmodSmo(cpu);
    } else {
      modules.insmod(name, cpu);
    }
    return "";
  }

  private String rmmod(List<String> args) {
    arity("rmmod", args, 1, 1, "rmmod slub_defrag|slub_defrag_xarray");
    modules.rmmod(args.get(0), cpu);
    if (args.get(0).equals(Modules.SLUB_DEFRAG)) {
      smo = null;
    }
    return "";
  }

  private String selectCpu(List<String> args) {
    arity("cpu", args, 1, 1, "cpu N");
    int n = Words.integer("cpu", args.get(0));
    if (n < 0 || n >= machine.cpus().size()) {
      throw new CommandException(
          "cpu: no cpu " + n + " (machine has " + machine.cpus().size() + ")");
    }
    cpu = machine.cpu(n);
    return "";
  }

  private String create(List<String> args) {
    if (args.isEmpty()) {
      throw new CommandException("create: expected create NAME size=N [align=N] [flags=F,F...]");
    }
    String name = args.get(0);
    Integer size = null;
    int align = 0;
    int flags = 0;
    boolean ctor = false;
    for (String w : args.subList(1, args.size())) {
      String v;
      if ((v = Words.value(w, "size")) != null) {
        size = Words.integer("create size", v);
      } else if ((v = Words.value(w, "align")) != null) {
        align = Words.integer("create align", v);
      } else if ((v = Words.value(w, "flags")) != null) {
        for (String f : v.split(",")) {
          if (f.equals("ctor")) {
            ctor = true;
            continue;
          }
          int bit = SlabFlags.byAttributeName(f);
          if (bit == 0 || f.equals("trace") || f.equals("failslab")) {
            throw new CommandException(
                "create flags: unknown flag '"
                    + f
                    + "' (expected hwcache_align, poison, red_zone, store_user, sanity_checks,"
                    + " reclaim_account, cache_dma, destroy_by_rcu, ctor)");
          }
          flags |= bit;
        }
      } else {
        throw new CommandException(
            "create: unknown word '" + w + "' (expected size=N, align=N or flags=F,F...)");
      }
    }
    if (size == null) {
      throw new CommandException("create " + name + ": size=N is required");
    }
    if (machine.slub().cache(name) != null) {
      throw new CommandException("create: cache '" + name + "' already exists");
    }
    ObjectCtor c = ctor ? (mem, p) -> mem.fill(p, 8, (byte) 0) : null;
    try {
      machine.slub().createCache(name, size, align, flags, c);
    } catch (IllegalArgumentException e) {
      throw new CommandException("create: " + e.getMessage());
    }
    return "";
  }

  /** {@code echo [-n] WORDS > PATH}: writes WORDS (and a newline unless -n) to PATH. */
  private String echo(String line) {
    int gt = line.lastIndexOf('>');
    if (gt < 0) {
      throw new CommandException("echo: expected echo [-n] WORDS > PATH");
    }
    String path = line.substring(gt + 1).strip();
    String words = line.substring("echo".length(), gt).strip();
    boolean newline = true;
    if (words.equals("-n") || words.startsWith("-n ")) {
      newline = false;
      words = words.substring(2).strip();
    }
    if (path.isEmpty() || path.contains(" ")) {
      throw new CommandException("echo: expected one PATH after '>', got '" + path + "'");
    }
    write(path, newline ? words + "\n" : words);
    return "";
  }

  private void write(String path, String data) {
    if (path.equals(Modules.SMO_CALLFN)) {
      if (smo == null) {
        throw new CommandException(path + ": no such file (slub_defrag is not loaded)");
      }
      SmoCallfn.write(
          smo, cpu, machine.config().nodes(), machine.log(), data, machine.slub().kernelFidelity());
    } else if (modules.ownsPath(path)) {
      modules.write(path, data, cpu);
    } else if (path.equals(Modules.SMO_IDS) || path.equals(Modules.SMOX_THINGS)) {
      throw new CommandException(path + ": read-only file (EACCES, mode 0400)");
    } else if (path.startsWith(SysfsTree.ROOT + "/")) {
      sysfs.write(path, data);
      if (TUNABLE_FILES.contains(path.substring(path.lastIndexOf('/') + 1))) {
        tunables = Tunables.WRITTEN;
      }
    } else if (SlabDefragFiles.owns(path)) {
      slabDefrag.write(path, data);
    } else if (path.equals(ProcFiles.SLABINFO) || path.equals(ProcFiles.BUDDYINFO)) {
      throw new CommandException(path + ": read-only file (EACCES)");
    } else {
      throw new CommandException(path + ": no such file (ENOENT)");
    }
  }

  private String cat(List<String> args) {
    arity("cat", args, 1, 1, "cat PATH");
    String path = args.get(0);
    if (path.equals(Modules.SMO_CALLFN) || modules.ownsPath(path)) {
      throw new CommandException(path + ": write-only file (EACCES, mode 0200)");
    }
    if (path.equals(Modules.SMO_IDS)) {
      return smoIds(path);
    }
    if (path.equals(Modules.SMOX_THINGS)) {
      return modules.things(path);
    }
    if (path.startsWith(SysfsTree.ROOT + "/")) {
      return sysfs.read(path);
    }
    if (SlabDefragFiles.owns(path)) {
      return slabDefrag.read(path);
    }
    if (path.equals(ProcFiles.SLABINFO) || path.equals(ProcFiles.BUDDYINFO)) {
      return proc.read(path);
    }
    throw new CommandException(path + ": no such file (ENOENT)");
  }

  private String smoIds(String path) {
    if (smo == null) {
      throw new CommandException(path + ": no such file (slub_defrag is not loaded)");
    }
    if (machine.slub().kernelFidelity()) {
      throw new CommandException(path + ": kernel-faithful mode keeps no ids (ENOENT)");
    }
    return IdRanges.format(smo.ids()) + "\n";
  }

  private String expect(List<String> args, String line) {
    if (args.isEmpty()) {
      throw new CommandException("expect: expected expect PATH = TEXT or expect PATH TERM...");
    }
    Expect.check(args, line, cat(args.subList(0, 1)));
    return "";
  }

  private String ls(List<String> args) {
    arity("ls", args, 0, 1, "ls [DIR]");
    String dir = args.isEmpty() ? SysfsTree.ROOT : args.get(0);
    StringBuilder sb = new StringBuilder();
    for (String e : SlabDefragFiles.owns(dir) ? slabDefrag.list(dir) : sysfs.list(dir)) {
      sb.append(e).append('\n');
    }
    return sb.toString();
  }

  private String check(List<String> args) {
    arity("check", args, 0, 0, "check");
    String problem = Checks.run(machine, tunables, smo, modules);
    if (problem != null) {
      throw new CommandException("check: " + problem);
    }
    return "ok\n";
  }

  /** {@code dmesg [-c]}: the log since the last {@code -c}; {@code -c} then clears it. */
  private String dmesg(List<String> args) {
    arity("dmesg", args, 0, 1, "dmesg [-c]");
    boolean clear = !args.isEmpty();
    if (clear && !args.get(0).equals("-c")) {
      throw new CommandException("dmesg: unknown option '" + args.get(0) + "' (expected -c)");
    }
    List<String> lines = machine.log().linesFrom(dmesgMark);
    if (clear) {
      dmesgMark = machine.log().size();
    }
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    return sb.toString();
  }

  private String defragSlabs(List<String> args) {
    arity("defrag_slabs", args, 0, 1, "defrag_slabs [NODE]");
    int node = args.isEmpty() ? -1 : Words.integer("defrag_slabs NODE", args.get(0));
    if (node >= machine.config().nodes() || node < -1) {
      throw new CommandException(
          "defrag_slabs: no node " + node + " (machine has " + machine.config().nodes() + ")");
    }
    return Defrag.defragSlabs(machine.slub(), cpu, node) + "\n";
  }

  /** {@code slabinfo ARGS}: the kernel tool's output over this model's sysfs (SMO dialect). */
  private String slabinfo(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      rc =
          new SlabinfoTool(SlabinfoDialect.SMO)
              .run(args.toArray(String[]::new), new ModelSlabSysfs(sysfs), o, e);
    }
    if (rc != 0) {
      throw new CommandException("slabinfo: " + err.toString(UTF_8).strip());
    }
    return out.toString(UTF_8);
  }

  /** The cache called {@code name}, for tests and the fuzzer. */
  public KmemCache cache(String name) {
    return machine.slub().cache(name);
  }
}
