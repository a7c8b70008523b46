#!/usr/bin/env bash
# The one test command of the README: formatting and lint, types, unit tests,
# integration tests against real server processes, end-to-end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export TURBO_TELEMETRY_DISABLED=1

step() { printf '\n=== %s ===\n' "$*"; }

step "Browser for end-to-end tests"
bash scripts/ensure-chromium.sh

step "LibreOffice and poppler, to read exported files back"
bash scripts/ensure-office-tools.sh

step "PostgreSQL and Redis, for the scale-out tests"
if bash scripts/ensure-services.sh; then export CI_REQUIRE_POSTGRES=1 CI_REQUIRE_REDIS=1; fi

step "Format and lint (Biome)"
npx biome ci .

step "Build, type-check and unit tests (Turborepo)"
npx turbo run build check-types test --output-logs=errors-only

step "Integration tests (real server processes, real sockets, real SQLite and PostgreSQL)"
npm run test:integration

step "End-to-end tests (Playwright, Debian Chromium)"
npm run test:e2e
