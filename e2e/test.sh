#!/usr/bin/env bash
# Runs the whole test suite: unit tests (*Test), real-API-server tests (*IT) and full
# data-center tests (*E2E). Builds the testbed's binaries first if they are not cached
# (about 10 minutes once on 2 cores; later runs reuse them).
# Extra arguments go to Maven, e.g. `e2e/test.sh -Punit` or `e2e/test.sh -Pit`.
# With $CI set (as .ci/run sets it) formatting is checked, not applied: CI fails on a diff.
set -euo pipefail
cd "$(dirname "$0")/.."

bash e2e/scripts/prerequisites.sh
echo "== testbed binaries (cached under ~/.cache/failover-operator/testbed; the first build takes ~10 minutes)"
bin=$(bash e2e/scripts/testbed-binaries.sh | tail -n 1)

format=()
if [ -n "${CI:-}" ]; then
  format=(-Dspotless.apply.skip=true -Dspotless.check.skip=false)
fi

echo "== mvn verify"
exec mvn -B -ntp -Dtestbed.bin="$bin" "${format[@]}" verify "$@"
