#!/usr/bin/env bash
# The main job: a hub and three data centers (Toronto, Chicago, Washington) as real Kubernetes
# control planes on 127.0.0.1, the failover.dev API and the examples installed, the operator as
# its own process; then Toronto is cut, the workload fails over, Toronto is restored, fenced,
# tested by a chaos restore test, and failed back. Prints the story as a timeline with the measured RTO, then cleans up.
#   e2e/demo.sh           run the story and clean up
#   e2e/demo.sh --keep    leave everything running afterwards to look around (Ctrl-C stops it)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

bash e2e/scripts/prerequisites.sh
say "Testbed binaries (the first run builds Kubernetes from source: about 13 minutes on 2 cores)"
bin=$(bash e2e/scripts/testbed-binaries.sh | tail -n 1)

say "Building the operator and the testbed (mvn package, without the tests)"
mvn -B -q -ntp -Dmaven.test.skip=true -Dspotless.skip=true -Dtestbed.bin="$bin" package

jar=$(ls e2e/target/failover-operator-e2e-*-testbed.jar | head -n 1)
work=${FAILOVER_DEMO_WORK:-$repo/e2e/work/demo}
mkdir -p "$work"
# Everything the demo starts lives under $work and is stopped when it ends, even on Ctrl-C or
# kill -9 (a watchdog process deletes the data centers when the demo's JVM is gone).
exec env FAILOVER_TESTBED_BIN="$bin" java -Drepo.root="$repo" \
  -cp "$jar" dev.failover.e2e.demo.DemoMain --work "$work" "$@"
