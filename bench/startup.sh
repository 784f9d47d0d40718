#!/usr/bin/env bash
# Start-up time to a ready /health and resident memory of the idle server, on PGlite and on PostgreSQL.
#   bench/startup.sh                (PGlite, fresh data dir: includes migrations and demo data)
#   PG_URL=postgres://postgres@127.0.0.1:5432/postgres bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
measure() {
  local label=$1; shift
  local port=$((4300 + RANDOM % 500))
  local t0; t0=$(date +%s%N)
  env "$@" PORT=$port HOST=127.0.0.1 MOTCUA_LOG_LEVEL=warn node --import tsx src/main.ts >/tmp/motcua-startup.log 2>&1 &
  local pid=$!
  until curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "$label: server exited"; cat /tmp/motcua-startup.log; return 1; }
    sleep 0.05
  done
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep 5
  local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  echo "$label: ready after ${ms} ms; idle RSS ${rss} MiB"
  kill $pid; wait $pid 2>/dev/null || true
}
dir=$(mktemp -d)
measure "PGlite, first start (migrate + demo data)" DATABASE_URL= MOTCUA_DATA_DIR="$dir"
measure "PGlite, restart" DATABASE_URL= MOTCUA_DATA_DIR="$dir"
rm -rf "$dir"
if [ -n "${PG_URL:-}" ]; then
  db="motcua_bench_$$"
  psql "$PG_URL" -qc "create database $db" >/dev/null
  url="${PG_URL%/*}/$db"
  measure "PostgreSQL, first start (migrate + demo data)" DATABASE_URL="$url" MOTCUA_DATA_DIR="$(mktemp -d)"
  measure "PostgreSQL, restart" DATABASE_URL="$url" MOTCUA_DATA_DIR="$(mktemp -d)"
  psql "$PG_URL" -qc "drop database $db with (force)" >/dev/null
fi
