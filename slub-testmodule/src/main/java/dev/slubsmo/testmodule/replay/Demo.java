package dev.slubsmo.testmodule.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demonstration: the bundled real trace (a cold walk of a few hundred thousand files, then
 * {@code drop_caches}) replayed from the jar's resources, with the bundled geometry and before and
 * after snapshots, on five machines: no defrag, mainline shrink, SMO shrink with the kernel's and
 * the minimal-move placement, and a selective SMO (only {@link #SELECTIVE_MOVABLE} movable, dentry
 * reclaimed).
 */
public final class Demo {
  static final String DIR = "/traces/dcache-walk/";
  public static final String TRACE = DIR + "trace.txt.xz";
  public static final String BEFORE = DIR + "sysfs.before.tsv";
  public static final String AFTER = DIR + "sysfs.after.tsv";

  /** The caches the demo shows one by one. */
  public static final List<String> HEADLINE =
      List.of("dentry", "ext4_inode_cache", "filp", "inode_cache");

  /** The caches the selective SMO machine moves. */
  public static final Set<String> SELECTIVE_MOVABLE =
      Set.of("maple_node", "vm_area_struct", "radix_tree_node");

  /** The caches the selective SMO machine reclaims instead of moving. */
  public static final Set<String> SELECTIVE_RECLAIM = Set.of("dentry");

  public static final String NONE = "none";
  public static final String SHRINK = "shrink";
  public static final String SMO_KERNEL = "smo-kernel";
  public static final String SMO_MINIMAL = "smo-minimal";
  public static final String SELECTIVE = "smo-selective";

  /** The default output directory of {@code smo demo}. */
  public static final Path DEFAULT_OUT = Path.of("smo-demo-out");

  private Demo() {}

  /** A finished demo: the replay, the files written, and how long the plots took. */
  public record Outcome(ReplayResult result, Path out, List<Path> files, double plotSeconds) {}

  /** The demo's replay options. */
  public static ReplayOptions options(long seed, ReplayProgress progress) {
    return new ReplayOptions(
        TraceSource.resource(TRACE),
        ReplayInputs.geometry(null),
        ReplayInputs.resource(BEFORE, dev.slubsmo.testmodule.trace.SysfsSnapshot::parse),
        StartLayout.Mode.SNAPSHOT,
        ReplayInputs.resource(AFTER, dev.slubsmo.testmodule.trace.SysfsSnapshot::parse),
        List.of(
            PolicySetup.of(Policy.NONE),
            PolicySetup.of(Policy.SHRINK),
            PolicySetup.of(Policy.SMO_KERNEL),
            PolicySetup.of(Policy.SMO_MINIMAL),
            new PolicySetup(SELECTIVE, Policy.SMO_KERNEL, SELECTIVE_MOVABLE, SELECTIVE_RECLAIM)),
        seed,
        false,
        -1,
        progress);
  }

  /** Replays the bundled trace and writes {@code replay.json} and the charts into {@code out}. */
  public static Outcome run(Path out, long seed, ReplayProgress progress) throws IOException {
    ReplayResult r = Replay.run(options(seed, progress));
    long started = System.nanoTime();
    Files.createDirectories(out);
    List<Path> files = new ArrayList<>();
    Path json = out.resolve("replay.json");
    Files.writeString(json, ReplayJson.render(r), StandardCharsets.UTF_8);
    files.add(json);
    files.addAll(ReplayPlots.write(r, out));
    return new Outcome(r, out, files, (System.nanoTime() - started) / 1e9);
  }
}
