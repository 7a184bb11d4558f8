package dev.slubsmo.testmodule.cli;

import dev.slubsmo.testmodule.replay.Policy;
import dev.slubsmo.testmodule.replay.PolicySetup;
import dev.slubsmo.testmodule.replay.ProgressBar;
import dev.slubsmo.testmodule.replay.Replay;
import dev.slubsmo.testmodule.replay.ReplayInputException;
import dev.slubsmo.testmodule.replay.ReplayInputs;
import dev.slubsmo.testmodule.replay.ReplayJson;
import dev.slubsmo.testmodule.replay.ReplayOptions;
import dev.slubsmo.testmodule.replay.ReplayPlots;
import dev.slubsmo.testmodule.replay.ReplayReport;
import dev.slubsmo.testmodule.replay.ReplayResult;
import dev.slubsmo.testmodule.replay.StartLayout;
import dev.slubsmo.testmodule.replay.TraceSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smo replay TRACE [options]}: a kmem slab trace replayed on the model, one machine per
 * policy in one pass, reported per cache. Bad input is one line on stderr and exit status 2.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replay a kmem slab trace on the model of the snapshot machine (Linux 6.18 geometry,"
          + " 2 CPUs, 1 node), one machine per policy, and report each cache's slabs against"
          + " the floor and the real kernel.",
      "Policies: none, shrink (mainline kmem_cache_shrink at the end), smo-kernel and"
          + " smo-minimal (SMO shrink at the end), defrag:N (kmem_defrag_slabs every N events)."
    })
final class ReplayCommand implements Callable<Integer> {
  static final List<String> DEFAULT_POLICIES =
      List.of("none", "shrink", "smo-kernel", "smo-minimal");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = "ftrace text, plain or xz")
  Path trace;

  @Option(
      names = "--geometry",
      paramLabel = "FILE",
      description = "slab-geometry.tsv of the traced kernel (default: the bundled 6.18 one)")
  Path geometry;

  @Option(
      names = "--before",
      paramLabel = "SYSFS_TSV",
      description = "sysfs snapshot before the trace: caches start with its objects")
  Path before;

  @Option(
      names = "--before-layout",
      paramLabel = "snapshot|packed",
      description =
          "how the --before objects lie: in the snapshot's slab and partial counts (default),"
              + " or packed into the fewest slabs")
  String beforeLayout = "snapshot";

  @Option(
      names = "--after",
      paramLabel = "SYSFS_TSV",
      description = "sysfs snapshot after the trace: the real kernel's slabs to compare with")
  Path after;

  @Option(
      names = "--policy",
      paramLabel = "POLICY",
      description =
          "none|shrink|smo-kernel|smo-minimal|defrag:N, repeatable (default: the first four)")
  List<String> policies = new ArrayList<>();

  @Option(
      names = "--movable",
      split = ",",
      paramLabel = "NAMES",
      description = "the caches SMO may move (default: every cache)")
  List<String> movable;

  @Option(
      names = "--reclaimable",
      split = ",",
      paramLabel = "NAMES",
      description = "caches whose objects SMO frees instead of moving (e.g. dentry)")
  List<String> reclaimable = new ArrayList<>();

  @Option(names = "--json", paramLabel = "FILE", description = "also write the findings as JSON")
  Path json;

  @Option(names = "--plot", paramLabel = "DIR", description = "write PNG and SVG charts here")
  Path plot;

  @Option(names = "--strict", description = "a malformed line or unknown cache is an error")
  boolean strict;

  @Option(names = "--seed", paramLabel = "N", description = "seed (default 1)")
  long seed = 1;

  @Option(
      names = "--old-after",
      paramLabel = "SECONDS",
      description = "objects alive longer than this are old (default: half the trace)")
  Double oldAfter;

  @Option(
      names = "--progress",
      description = "draw a progress bar on stderr even when it is not a terminal")
  boolean progress;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      ReplayResult r = Replay.run(options());
      if (json != null) {
        Files.writeString(json, ReplayJson.render(r), StandardCharsets.UTF_8);
      }
      List<Path> charts = plot == null ? List.of() : ReplayPlots.write(r, plot);
      out.print(ReplayReport.render(r));
      if (json != null) {
        out.println("json: " + json);
      }
      if (plot != null) {
        out.println("plots: " + charts);
      }
      out.printf(
          Locale.ROOT,
          "timing: %.3f s, %,.0f events/s, %d policies%n",
          r.seconds(),
          r.eventsPerSecond(),
          r.policies().size());
      out.flush();
      return 0;
    } catch (ReplayInputException e) {
      return fail(e.getMessage());
    } catch (IOException e) {
      return fail("cannot write output: " + e.getMessage());
    }
  }

  ReplayOptions options() {
    List<PolicySetup> setups = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String word : policies.isEmpty() ? DEFAULT_POLICIES : policies) {
      Policy p;
      try {
        p = Policy.parse(word);
      } catch (IllegalArgumentException e) {
        throw new ReplayInputException("--policy: " + e.getMessage(), e);
      }
      if (!seen.add(p.word())) {
        throw new ReplayInputException("--policy: '" + word + "' given twice");
      }
      setups.add(setup(p));
    }
    if (oldAfter != null && !(oldAfter >= 0)) {
      throw new ReplayInputException("--old-after: expected seconds >= 0, got " + oldAfter);
    }
    return new ReplayOptions(
        TraceSource.file(trace),
        ReplayInputs.geometry(geometry),
        ReplayInputs.snapshot("--before", before),
        layout(),
        ReplayInputs.snapshot("--after", after),
        setups,
        seed,
        strict,
        oldAfter == null ? -1 : Math.round(oldAfter * 1e9),
        progress || System.console() != null ? new ProgressBar(System.err) : null);
  }

  private StartLayout.Mode layout() {
    switch (beforeLayout) {
      case "snapshot":
        return StartLayout.Mode.SNAPSHOT;
      case "packed":
        return StartLayout.Mode.PACKED;
      default:
        throw new ReplayInputException(
            "--before-layout: expected snapshot or packed, got '" + beforeLayout + "'");
    }
  }

  private PolicySetup setup(Policy p) {
    try {
      return new PolicySetup(
          p.word(), p, movable == null ? null : Set.copyOf(movable), Set.copyOf(reclaimable));
    } catch (IllegalArgumentException e) {
      throw new ReplayInputException("--movable/--reclaimable: " + e.getMessage(), e);
    }
  }

  private int fail(String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("smo replay: " + message);
    err.flush();
    return 2;
  }
}
