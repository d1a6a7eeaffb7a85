#!/usr/bin/env bash
# One command for the whole benchmark: installs wrk when missing, builds Flowgate, the Camunda REST peer and the bare
# endpoint, then runs bench/run.mjs (every option is passed on, e.g. --duration=30 --systems=flowgate,camunda).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (apt)…" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
command -v node >/dev/null || { echo "bench needs Node 18 or newer on the PATH" >&2; exit 1; }
echo "building Flowgate, the Camunda REST peer and the bare endpoint…" >&2
./mvnw -q -pl gateway -am package -DskipTests
./mvnw -q -f bench/camunda-peer/pom.xml package -DskipTests
./mvnw -q -f bench/bare-peer/pom.xml package -DskipTests
exec node bench/run.mjs "$@"
