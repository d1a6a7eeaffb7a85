#!/usr/bin/env bash
# Checks the calls the benchmark makes against a running peer (default http://127.0.0.1:8090): the three starts,
# the instance count and the finished bench-async count. Exits non-zero on the first wrong answer.
set -euo pipefail
U="${1:-http://127.0.0.1:${PEER_PORT:-8090}}/engine-rest"
BODY='{"variables":{"item":{"value":"burger","type":"String"},"quantity":{"value":2,"type":"Integer"}},"withVariablesInReturn":true}'

start() {
  curl -sS -f -X POST -H 'Content-Type: application/json' -d "$BODY" "$U/process-definition/key/$1/start"
}
expect() { # name, text, fixed string it must contain
  if [[ "$2" != *"$3"* ]]; then
    echo "FAIL $1: no '$3' in: $2" >&2
    exit 1
  fi
}
count() { curl -sS -f "$U/$1" | sed 's/[^0-9]//g'; }

out=$(start bench-straight)
expect bench-straight "$out" '"ended":true'
expect bench-straight "$out" '"step1":{"type":"String","value":"burger"'
expect bench-straight "$out" '"step2":{"type":"Integer","value":2'
expect bench-straight "$out" '"done":{"type":"Boolean","value":true'
echo "ok bench-straight: ended with step1, step2, done"

out=$(start bench-wait)
expect bench-wait "$out" '"ended":false'
id=$(sed 's/.*"id":"\([^"]*\)","definitionId".*/\1/' <<<"$out")
task=$(curl -sS -f "$U/task?processInstanceId=$id")
expect bench-wait "$task" '"taskDefinitionKey":"review"'
echo "ok bench-wait: waiting at review"

before=$(count 'history/process-instance/count?finished=true&processDefinitionKey=bench-async')
out=$(start bench-async)
expect bench-async "$out" '"ended":false'
for _ in $(seq 1 100); do
  now=$(count 'history/process-instance/count?finished=true&processDefinitionKey=bench-async')
  [[ "$now" -gt "$before" ]] && break
  sleep 0.1
done
[[ "$now" -gt "$before" ]] || { echo "FAIL bench-async: not finished by the job executor within 10 s" >&2; exit 1; }
echo "ok bench-async: answered before the job ran, finished by the job executor ($now finished)"

echo "ok running instances: $(count process-instance/count)"
