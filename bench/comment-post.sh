#!/usr/bin/env bash
# Measures durable comment POST throughput with wrk. Usage: bench/comment-post.sh [seconds] [connections]
# Builds nothing: run `mvn -o -q -DskipTests package` first. Uses a fresh data folder with the demo content.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_=${1:-20}; CONNS=${2:-32}; PORT=${PORT:-8089}
DATA=$(mktemp -d)
BROADSHEET_COMMENTS_FLOOD_SECONDS=0 BROADSHEET_COMMENTS_MIN_FILL_SECONDS=1 BROADSHEET_COMMENTS_CLOSE_AFTER_DAYS=0 \
  java -jar target/broadsheet.jar serve --port "$PORT" --data "$DATA" > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "http://localhost:$PORT/healthz" >/dev/null; do sleep 0.2; done
ARTICLE=1
TOKEN=$(curl -sf "http://localhost:$PORT/comments/token?article=$ARTICLE")
sleep 1.5   # the minimum fill-in time
ARTICLE=$ARTICLE TOKEN=$TOKEN ORIGIN="http://localhost:$PORT" \
  wrk -t2 -c"$CONNS" -d"${SECONDS_}s" --latency -s bench/comment-post.lua "http://localhost:$PORT"
echo "comments stored: $(curl -sf "http://localhost:$PORT/comments/on/$ARTICLE" >/dev/null; sqlite3 "$DATA/broadsheet.db" 'select count(*) from comments' 2>/dev/null || echo '(install sqlite3 to count)')"
