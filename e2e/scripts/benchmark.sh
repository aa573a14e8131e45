#!/usr/bin/env bash
# Benchmarks (docs/benchmarks.md). Not tests: they report figures.
# RTO benchmark (the default): repeated blackouts with the default detection settings, for a Hot
# and a Warm standby policy.
#   e2e/scripts/benchmark.sh [--runs 20]
# Another benchmark class of dev.failover.e2e.bench, e.g. the false-positive benchmark:
#   BENCHMARK=FalsePositiveBenchmark e2e/scripts/benchmark.sh [--scenario both --noisy 10m --flapping 2m]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
benchmark=${BENCHMARK:-RtoBenchmark}
if [[ ! $benchmark =~ ^[A-Za-z0-9]+$ ]]; then
  echo "BENCHMARK must be a class name of dev.failover.e2e.bench, e.g. FalsePositiveBenchmark" >&2
  exit 2
fi
bash e2e/scripts/prerequisites.sh
bin=$(bash e2e/scripts/testbed-binaries.sh | tail -n 1)
mvn -B -q -ntp -DskipTests -Dtestbed.bin="$bin" package
jar=$(ls e2e/target/failover-operator-e2e-*-testbed.jar | head -n 1)
work=${FAILOVER_BENCH_WORK:-$repo/e2e/work/bench}
mkdir -p "$work"
exec env FAILOVER_TESTBED_BIN="$bin" java -Drepo.root="$repo" \
  -cp "$jar" "dev.failover.e2e.bench.$benchmark" --work "$work" "$@"
