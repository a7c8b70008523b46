#!/usr/bin/env bash
# PostgreSQL and Redis for the scale-out tests (store contract suites, fan-out,
# several instances). This machine kind runs them (PostgreSQL at
# 127.0.0.1:5432, database `test`, trust auth; Redis at 127.0.0.1:6379); where
# they are installed but stopped they are started. Exits 0 when both answer,
# 1 (saying why) when not: the caller then lets those tests skip with a message
# instead of requiring them.
set -uo pipefail

reachable() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! reachable 6379 && command -v redis-server >/dev/null; then
  echo "Redis is not running: starting redis-server"
  redis-server --daemonize yes --save '' --appendonly no >/dev/null
  sleep 1
fi
if ! reachable 5432 && command -v pg_ctlcluster >/dev/null; then
  echo "PostgreSQL is not running: starting it"
  for cluster in /etc/postgresql/*/*; do
    [ -d "$cluster" ] && pg_ctlcluster "$(basename "$(dirname "$cluster")")" "$(basename "$cluster")" start || true
  done
  sleep 2
fi

missing=()
reachable 6379 || missing+=("Redis at 127.0.0.1:6379")
reachable 5432 || missing+=("PostgreSQL at 127.0.0.1:5432")
if [ ${#missing[@]} -gt 0 ]; then
  echo "Not available: ${missing[*]}. The PostgreSQL and Redis tests will be skipped, each saying so."
  exit 1
fi
echo "PostgreSQL and Redis answer: their tests are required to run"
