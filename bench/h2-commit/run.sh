#!/usr/bin/env bash
# What WRITE_DELAY=0 (Flowgate's embedded default) costs per commit against H2's 500 ms.
# Usage: bench/h2-commit/run.sh [seconds per case]   (H2 from the gateway jar: ./mvnw -pl gateway -am package first)
set -euo pipefail
cd "$(dirname "$0")/../.."
exec java -cp gateway/target/flowgate.jar bench/h2-commit/H2CommitCost.java "${1:-5}"
