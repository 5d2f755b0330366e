#!/usr/bin/env bash
# Builds the atlas once and assembles what production runs into one folder (default: release/):
# package.json and package-lock.json (for `npm ci --omit=dev` there), dist/server and dist/geodata
# (the compiled server and CLIs), web/dist (the map app), schema/ and the seed data. Nothing in it
# needs a dev dependency. The Dockerfile's build stage runs this script, and
# test/process/production-path.test.ts runs it too, so the image and the test cannot drift apart.
# Usage: scripts/build-release.sh [OUT_DIR]   (needs a checkout with `npm ci` done)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$root/release}")
cd "$root"
case "$out" in "$PWD" | "$PWD/dist" | "$PWD/web" | "$PWD/server" | /) echo "build-release: refusing to replace $out" >&2; exit 2 ;; esac

# A fresh dist/: tsc never removes the output of a deleted source file.
rm -rf dist
npm run --silent build
npm run --silent web:build

rm -rf "$out"
mkdir -p "$out/dist" "$out/web" "$out/server/seed" "$out/server/jst"
cp package.json package-lock.json "$out/"
cp -R dist/server dist/geodata "$out/dist/"
# The server reads these at run time, relative to the folder above dist/ (server/config.ts repoRoot).
cp -R web/dist "$out/web/dist"
cp -R schema "$out/schema"
cp -R server/seed/data "$out/server/seed/data"
cp server/jst/teryt-history.json "$out/server/jst/"
# Compiled tests and source maps of what is not shipped are left behind; bench and e2e need dev dependencies.
echo "release: $out (then: cd $out && npm ci --omit=dev && node dist/server/main.js)"
