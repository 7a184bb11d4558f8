#!/usr/bin/env bash
# Runs the performance suite in one command: builds slub-bench (mvn -Pbench), runs every JMH
# benchmark with short settings, summarises medians and ratios against the targets, cross-checks
# them in thread CPU time, runs the fuzzer for its commands/s on one and two threads, then runs the
# scale report (one JVM per live-object count). Results go to target/bench/ (see
# docs/PERFORMANCE.md).
#
#   ci/bench.sh                 everything
#   ci/bench.sh FastPath        only JMH benchmarks matching the regex; no CPU-time, fuzzer or scale runs
#   BENCH_JMH="-wi 5 -i 10 -w 2s -r 2s -f 3" ci/bench.sh     longer JMH runs
#   BENCH_SCALE="10000 100000" ci/bench.sh                   other scale points ("" skips them)
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/bench
jar=slub-bench/target/benchmarks.jar
jmh_args=${BENCH_JMH:--wi 3 -i 5 -w 1s -r 1s -f 1}
filter=${1:-.}
if [ $# -gt 0 ]; then
  scale=${BENCH_SCALE-}
else
  scale=${BENCH_SCALE-10000 100000 1000000 10000000}
fi

mkdir -p "$out"
mvn -B -q -ntp -Pbench -pl slub-bench -am package -DskipTests

{
  echo "machine: $(nproc) CPUs, $(free -h | awk '/^Mem:/ {print $2}'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -1
} | tee "$out/machine.txt"

# shellcheck disable=SC2086 # jmh_args is a word list on purpose
java -jar "$jar" $jmh_args -rf json -rff "$out/jmh.json" "$filter" | tee "$out/jmh.txt"
java -cp "$jar" dev.slubsmo.bench.JmhSummary "$out/jmh.json" | tee "$out/summary.md"
if [ $# -eq 0 ]; then
  java -Dio.netty.leakDetection.level=disabled -cp "$jar" dev.slubsmo.bench.CpuTimeCheck |
    tee "$out/cputime.md"
  # The fuzzer (test-suite's test sources) reports its own rate on standard error.
  : > "$out/fuzz.txt"
  for threads in 1 2; do
    mvn -B -q -ntp -pl test-suite -am -Pfuzz -DskipTests test -Dsmo.fuzz.seed=1 \
      -Dsmo.fuzz.commands=$((200000 * threads)) -Dsmo.fuzz.threads="$threads" \
      -Dsmo.fuzz.out="$PWD/$out/fuzz-failures" > "$out/fuzz-report-$threads.txt" 2> "$out/fuzz-$threads.err"
    grep 'smo fuzz:' "$out/fuzz-$threads.err" | sed 's/\x1b\[[0-9;]*m//g' | tee -a "$out/fuzz.txt"
  done
fi

if [ -n "$scale" ]; then
  java -cp "$jar" dev.slubsmo.bench.ScaleReport --header | tee "$out/scale.tsv"
  for n in $scale; do
    heap=4g
    if [ "$n" -gt 2000000 ]; then
      heap=16g
    fi
    java -Xmx"$heap" -cp "$jar" dev.slubsmo.bench.ScaleReport "$n" | tee -a "$out/scale.tsv"
  done
fi
