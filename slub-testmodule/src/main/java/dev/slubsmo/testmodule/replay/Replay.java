package dev.slubsmo.testmodule.replay;

import dev.slubsmo.testmodule.trace.LifetimeStats;
import dev.slubsmo.testmodule.trace.TraceEvent;
import dev.slubsmo.testmodule.trace.TraceFormatException;
import dev.slubsmo.testmodule.trace.TraceReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.tukaani.xz.XZInputStream;

/**
 * Replays a slab trace on one model machine per policy, in one pass: the reader's thread turns
 * events into batches of model operations ({@link TraceLedger}), and each machine applies them on
 * its own thread ({@link MachineWorkers}). At the end of the trace each machine is counted, runs
 * its policy's final step, and is counted again.
 */
public final class Replay {
  private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};

  /** Events between two progress reports. */
  private static final long PROGRESS_EVERY = 1 << 16;

  private final ReplayOptions options;
  private final CacheCatalog catalog;
  private final TraceLedger ledger;
  private final List<PolicyMachine> machines = new ArrayList<>();
  private final Map<PolicyMachine, MachineEnd> ends = new ConcurrentHashMap<>();
  private long thresholdNanos;

  /** What a machine looked like at the end of the trace and after its final step. */
  private record MachineEnd(List<SlabCensus> end, List<SlabCensus> after, long[] oldPinned) {}

  private Replay(ReplayOptions options) {
    this.options = options;
    this.catalog =
        new CacheCatalog(options.geometry(), options.before(), options.layout(), options.strict());
    this.ledger =
        new TraceLedger(catalog, options.seed(), SnapshotMachine.CPUS, SnapshotMachine.NODES);
    for (PolicySetup setup : options.setups()) {
      machines.add(new PolicyMachine(setup, options.seed()));
    }
  }

  /**
   * Runs a replay.
   *
   * @throws ReplayInputException for an unreadable trace, or a malformed line or unknown cache in
   *     strict mode
   */
  public static ReplayResult run(ReplayOptions options) {
    return new Replay(options).run();
  }

  private ReplayResult run() {
    long started = System.nanoTime();
    MachineWorkers workers = new MachineWorkers(machines, this::atEnd);
    long malformed;
    try (CountingStream in = new CountingStream(options.trace().opener().open());
        TraceReader reader = TraceReader.open(decompressed(in), options.strict())) {
      malformed = read(reader, in, workers);
    } catch (IOException | UncheckedIOException e) {
      workers.abort(e);
      throw new ReplayInputException("cannot read trace " + options.trace().name() + ": " + e, e);
    } catch (TraceFormatException e) {
      workers.abort(e);
      throw new ReplayInputException(options.trace().name() + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      workers.abort(e);
      throw e;
    }
    workers.finish();
    double seconds = (System.nanoTime() - started) / 1e9;
    return result(malformed, seconds);
  }

  /**
   * The trace's text: xz is decompressed here without verifying its CRC64, which took a quarter of
   * the decompression time; a damaged trace still fails in the LZMA2 decoder or shows as malformed
   * lines, and the trace reader takes the text as plain.
   */
  static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(XZ_MAGIC.length);
    byte[] head = in.readNBytes(XZ_MAGIC.length);
    in.reset();
    return Arrays.equals(head, XZ_MAGIC) ? new XZInputStream(in, -1, false) : in;
  }

  private long read(TraceReader reader, CountingStream in, MachineWorkers workers) {
    OpBatch[] batch = {workers.take()};
    Consumer<TraceEvent> sink = e -> ledger.accept(e, batch[0]);
    ReplayProgress progress = options.progress();
    while (reader.next(sink)) {
      if (batch[0].full()) {
        publish(workers, batch[0]);
        batch[0] = workers.take();
      }
      if (progress != null && ledger.events() % PROGRESS_EVERY == 0) {
        progress.update(ledger.events(), in.count, options.trace().sizeBytes());
      }
    }
    publish(workers, batch[0]);
    long duration = ledger.durationNanos();
    thresholdNanos = options.oldAfterNanos() >= 0 ? options.oldAfterNanos() : duration / 2;
    if (progress != null) {
      progress.update(ledger.events(), in.count, options.trace().sizeBytes());
      progress.done();
    }
    return reader.malformed();
  }

  private void publish(MachineWorkers workers, OpBatch b) {
    if (b.specs.size() != catalog.size()) {
      b.specs = List.copyOf(catalog.specs());
    }
    workers.publish(b);
  }

  /** On each machine's thread, once the trace is over. */
  private void atEnd(PolicyMachine m) {
    List<SlabCensus> end = census(m);
    m.finish();
    List<SlabCensus> after = census(m);
    m.timeline().end(ledger.durationNanos(), m.slabPages());
    ends.put(m, new MachineEnd(end, after, OldPinning.count(m, ledger, thresholdNanos)));
  }

  private static List<SlabCensus> census(PolicyMachine m) {
    List<SlabCensus> list = new ArrayList<>();
    for (int i = 0; i < m.cacheCount(); i++) {
      list.add(SlabCensus.of(m.cache(i)));
    }
    return list;
  }

  private ReplayResult result(long malformed, double seconds) {
    List<PolicyResult> policies = new ArrayList<>();
    for (PolicyMachine m : machines) {
      policies.add(policyResult(m, ends.get(m)));
    }
    return new ReplayResult(
        options.trace().name(),
        ledger.events(),
        malformed,
        seconds,
        options.seed(),
        ledger.durationNanos(),
        thresholdNanos,
        ledger.nullFrees(),
        ledger.failedAllocs(),
        ledger.nonSlab(),
        ledger.unmatchedKfrees(),
        ledger.unattributedFrees(),
        policies,
        lifetimes(),
        catalog.warnings());
  }

  private PolicyResult policyResult(PolicyMachine m, MachineEnd e) {
    List<CacheResult> caches = new ArrayList<>();
    long[] occupancyEnd = new long[SlabCensus.BUCKETS];
    long[] occupancyAfter = new long[SlabCensus.BUCKETS];
    for (int i = 0; i < catalog.size(); i++) {
      CacheSpec spec = catalog.spec(i);
      TraceLedger.Tally t = ledger.tallyOf(i);
      SlabCensus after = e.after().get(i);
      for (int b = 0; b < SlabCensus.BUCKETS; b++) {
        occupancyEnd[b] += e.end().get(i).occupancy()[b];
        occupancyAfter[b] += after.occupancy()[b];
      }
      caches.add(
          new CacheResult(
              spec.name(),
              t.allocs,
              t.frees,
              t.unmatchedFrees,
              t.reallocated,
              t.prepopulated,
              t.prepopulatedFreed,
              after.live(),
              spec.objsPerSlab(),
              spec.order(),
              after.slabs(),
              after.partial(),
              after.floor(),
              m.moved(i),
              e.end().get(i).minMoves(),
              m.reclaimed(i),
              m.freedAfterReclaim(i),
              e.oldPinned()[i],
              KernelCounts.of(options.after(), spec.kernelNames())));
    }
    return new PolicyResult(
        m.setup().label(),
        m.setup(),
        caches,
        m.timeline().nanos(),
        m.timeline().pages(),
        occupancyEnd,
        occupancyAfter);
  }

  private List<CacheLifetime> lifetimes() {
    long[] oldLive = new long[catalog.size()];
    long end = ledger.durationNanos();
    ledger.forEachLive(
        (cache, allocatedAt) -> {
          if (cache >= 0 && end - allocatedAt > thresholdNanos) {
            oldLive[cache]++;
          }
        });
    SortedMap<String, LifetimeStats.CacheLifetimes> byName = ledger.lifetimes().byCache();
    List<CacheLifetime> list = new ArrayList<>();
    for (int i = 0; i < catalog.size(); i++) {
      CacheSpec spec = catalog.spec(i);
      TraceLedger.Tally t = ledger.tallyOf(i);
      LifetimeStats.CacheLifetimes stats = byName.get(spec.name());
      if (stats != null) {
        long old = oldLive[i] + t.prepopulated - t.prepopulatedFreed;
        list.add(new CacheLifetime(spec.name(), stats, old));
      }
    }
    list.sort((a, b) -> a.name().compareTo(b.name()));
    return list;
  }

  /** Counts the stored trace bytes read, for progress. */
  private static final class CountingStream extends FilterInputStream {
    volatile long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
