#!/usr/bin/env bash
# RTO benchmark (docs/benchmarks.md): repeated blackouts with the default detection settings,
# for a Hot and a Warm standby policy. Not a test: it reports figures.
#   e2e/scripts/benchmark.sh [--runs 20]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
bash e2e/scripts/prerequisites.sh
bin=$(bash e2e/scripts/testbed-binaries.sh | tail -n 1)
mvn -B -q -ntp -DskipTests -Dtestbed.bin="$bin" package
jar=$(ls e2e/target/failover-operator-e2e-*-testbed.jar | head -n 1)
work=${FAILOVER_BENCH_WORK:-$repo/e2e/work/bench}
mkdir -p "$work"
exec env FAILOVER_TESTBED_BIN="$bin" java -Drepo.root="$repo" \
  -cp "$jar" dev.failover.e2e.bench.RtoBenchmark --work "$work" "$@"
