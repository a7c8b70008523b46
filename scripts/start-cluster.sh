#!/usr/bin/env bash
# Starts Karta as a cluster on this machine, to try it out: three instances on
# one PostgreSQL database and one Redis, behind nginx (deploy/nginx-karta.conf)
# at http://localhost:${KARTA_PORT:-8080}. Ctrl+C stops everything it started.
#
#   DATABASE_URL  default postgres://postgres@127.0.0.1:5432/karta (created if missing)
#   REDIS_URL     default redis://127.0.0.1:6379
#   KARTA_PORT    where nginx listens (default 8080); the instances take the three ports after it
#   DEMO_DATA     1 (default) seeds the demo municipality on an empty database
set -euo pipefail
cd "$(dirname "$0")/.."

LISTEN_PORT="${KARTA_PORT:-8080}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/karta}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export DEMO_DATA="${DEMO_DATA:-1}"

command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
bash scripts/ensure-services.sh >/dev/null || echo "warning: PostgreSQL or Redis did not answer on this machine's standard ports"
if [[ "$DATABASE_URL" == postgres://postgres@127.0.0.1:5432/karta ]]; then
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'karta'" | grep -q 1 ||
    psql -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE karta" >/dev/null
fi

npx turbo run build --filter=@karta/server --filter=@karta/web --output-logs=errors-only

RUN_DIR="$(mktemp -d /tmp/karta-cluster-XXXXXX)"
pids=()
stop() {
  echo "stopping the cluster"
  [ -f "$RUN_DIR/nginx.pid" ] && kill "$(cat "$RUN_DIR/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait || true
}
trap stop EXIT INT TERM

# All three start at once: on an empty database one seeds the demo while the others wait for it.
for i in 1 2 3; do
  port=$((LISTEN_PORT + i))
  mkdir -p "$RUN_DIR/instance-$i"
  # Evidence files live under DATA_DIR: in production all instances share one volume for it.
  # TRUST_PROXY: nginx on this machine forwards each client's address (the login throttle counts by it).
  PORT="$port" HOST=127.0.0.1 DATA_DIR="$RUN_DIR/evidence-shared" TRUST_PROXY=127.0.0.1 \
    node server/dist/main.js >"$RUN_DIR/instance-$i/log" 2>&1 &
  pids+=("$!")
done
for i in 1 2 3; do
  for _ in $(seq 100); do grep -q "running at" "$RUN_DIR/instance-$i/log" && break; sleep 0.2; done
done

sed -e "s|__RUN_DIR__|$RUN_DIR|g" -e "s|__LISTEN_PORT__|$LISTEN_PORT|" \
  -e "s|__PORT_1__|$((LISTEN_PORT + 1))|" -e "s|__PORT_2__|$((LISTEN_PORT + 2))|" -e "s|__PORT_3__|$((LISTEN_PORT + 3))|" \
  deploy/nginx-karta.conf >"$RUN_DIR/nginx.conf"
nginx -c "$RUN_DIR/nginx.conf" -p "$RUN_DIR" -g "daemon off;" &
pids+=("$!")

echo "Karta cluster: http://localhost:$LISTEN_PORT (instances on $((LISTEN_PORT + 1))-$((LISTEN_PORT + 3)); logs in $RUN_DIR)"
wait -n "${pids[@]}" || true
