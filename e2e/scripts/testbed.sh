#!/usr/bin/env bash
# Runs the testbed CLI (dev.failover.testbed.TestbedMain) from the e2e module's testbed jar.
#   e2e/scripts/testbed.sh start --work DIR --dc hub --dc toronto   # foreground; Ctrl-C stops
#   e2e/scripts/testbed.sh stop --work DIR
#   e2e/scripts/testbed.sh status --work DIR
# `start` writes DIR/testbed.env (kubeconfig paths, URLs) once every data center is ready.
# From a script:
#   rm -f "$DIR/testbed.env"; e2e/scripts/testbed.sh start --work "$DIR" --dc hub,toronto &
#   trap 'e2e/scripts/testbed.sh stop --work "$DIR"' EXIT
#   until [ -f "$DIR/testbed.env" ]; do sleep 1; done; . "$DIR/testbed.env"
# Background jobs ignore SIGINT, so stop them with `stop` (SIGTERM). Even a SIGKILLed testbed
# leaves nothing running: its watchdog cleans up within a second or two.
# Build the jar with: mvn -B -q -pl e2e -am package -DskipTests
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
jar=$(ls "$repo"/e2e/target/failover-operator-e2e-*-testbed.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then
  echo "No testbed jar in $repo/e2e/target; build it: mvn -B -q -pl e2e -am package -DskipTests" >&2
  exit 2
fi
exec java -jar "$jar" "$@"
