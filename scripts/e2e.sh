#!/usr/bin/env bash
# Builds the production app and runs the Playwright tests in Debian's Chromium against `next start`.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Chromium is missing: installing Debian's chromium package…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Browser tests need Chromium at $CHROMIUM. Install it with: sudo apt-get install -y chromium" >&2
    echo "(or set CHROMIUM_PATH to a Chromium binary)." >&2
    exit 1
  fi
fi
export CHROMIUM_PATH="$CHROMIUM"

npx next build
npx playwright test "$@"

# The main workflows again on PostgreSQL (a throwaway server started by e2e/server.ts): sign-in,
# claim editing, the queue, exports and the API; live updates, threads, the inbox and webhooks; the
# app killed during writes, two app processes on one database, PostgreSQL itself restarted under
# load, and the error page while the database is down (PostgreSQL only). Only on a full run;
# E2E_SKIP_POSTGRES=1 skips it.
POSTGRES_SPECS=(e2e/auth.spec.ts e2e/claim-editor.spec.ts e2e/queue.spec.ts e2e/exports.spec.ts e2e/api-tokens.spec.ts
  e2e/live.spec.ts e2e/threads.spec.ts e2e/notifications.spec.ts
  e2e/crash.spec.ts e2e/processes.spec.ts e2e/pg-restart.spec.ts e2e/error-page.spec.ts)
if [ "$#" -eq 0 ] && [ "${E2E_SKIP_POSTGRES:-0}" != "1" ]; then
  echo "Main workflows on PostgreSQL: ${POSTGRES_SPECS[*]}"
  E2E_DB=postgres npx playwright test "${POSTGRES_SPECS[@]}"
fi
