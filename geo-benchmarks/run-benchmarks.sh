#!/bin/sh
# Runs the whole Geoscope benchmark suite (about 13 minutes on 2 cores) and prints the markdown
# tables of the README's Performance section; also writes them to geo-benchmarks/target/performance.md.
# Build first, from the project root: mvn -B -q -DskipTests package
#
# MaxMind's readers need several seconds before C2 has compiled their decoders (longer on a busy
# machine): with less warm-up than this they look slower than they are and Geoscope looks better.
set -eu
cd "$(dirname "$0")/.."
jar=geo-benchmarks/target/benchmarks.jar
out=geo-benchmarks/target
rm -f "$out/jmh-uniform.json" "$out/jmh-rest.json" "$out/jmh-join.json" "$out/jmh-zipf.json" \
  "$out/jmh-virtual.json"
load=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%MZ)
resolve="-f 1 -wi 4 -w 1 -i 3 -r 1 -prof gc"
rest="-f 1 -wi 3 -w 1 -i 3 -r 1 -prof gc"
# The join path's ratios are targets: six measured iterations, so JMH's error (a t-interval,
# very wide on three) says something.
join="-f 1 -wi 3 -w 1 -i 6 -r 1 -prof gc"
java -jar "$jar" $resolve -p distribution=uniform -rf json -rff "$out/jmh-uniform.json" \
  'ResolveBenchmark'
java -jar "$jar" $rest -rf json -rff "$out/jmh-rest.json" \
  'DecisionBenchmark|RosterBenchmark|PolicyScaleBenchmark|CompileBenchmark|AreaDecisionBenchmark|AreaBenchmark'
java -jar "$jar" $join -rf json -rff "$out/jmh-join.json" 'JoinPathBenchmark'
# Virtual threads need JDK 21+; the build targets release 17, the jar runs on any later JDK.
jdk21=${JDK21_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# Its @Fork sets -Djmh.executor=VIRTUAL and one carrier per benchmark thread (4 spinning virtual
# threads on the 2 default carriers of a 2-core machine never finished an iteration). Still
# bounded, so that a hang leaves the row out instead of stopping the script.
if ! timeout 300 "$jdk21/bin/java" -jar "$jar" $rest -jvm "$jdk21/bin/java" \
    -rf json -rff "$out/jmh-virtual.json" \
    'VirtualThreadBenchmark'; then
  echo "VirtualThreadBenchmark did not finish within 300 s; its rows are left out" >&2
  echo '[]' > "$out/jmh-virtual.json"
fi
java -jar "$jar" $resolve -p distribution=zipf -rf json -rff "$out/jmh-zipf.json" \
  'ResolveBenchmark.(geoscopeFromString|geoip2DatabaseReaderChmCacheFromString|maxmindReaderChmCacheFromString|maxmindReaderCaffeineFromString)$'
{
  echo "Run $started; $(java -version 2>&1 | head -n 2 | tail -n 1);" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc);" \
    "load average at start $load"
  echo
  java -cp "$jar" io.geoscope.benchmarks.Table \
    "$out/jmh-uniform.json" "$out/jmh-rest.json" "$out/jmh-join.json" "$out/jmh-zipf.json" \
    "$out/jmh-virtual.json"
  echo
  java -Djdk.attach.allowAttachSelf=true -cp "$jar" io.geoscope.benchmarks.Footprint 2>/dev/null
} | tee "$out/performance.md"
