#!/usr/bin/env bash
# JMH: what an authorization decision costs (jCasbin enforce() vs the cached decision). Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q install -DskipTests
./mvnw -q -pl gateway test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
CP="gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/bench.cp)"
exec java -cp "$CP" org.openjdk.jmh.Main 'io.flowgate.gateway.authz.AuthorizerBenchmark' "$@"
