#!/usr/bin/env bash
# Installs what the tests need on a fresh machine (Chromium, a running PostgreSQL), builds the
# front ends the browser tests load, then runs lint, typecheck and every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-deps.sh
pnpm="npx -y pnpm@12.21.0"
$pnpm lint
$pnpm typecheck
$pnpm build
NO_COLOR=1 $pnpm test:unit
