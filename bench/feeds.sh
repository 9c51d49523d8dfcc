#!/usr/bin/env bash
# Loads the machine-facing documents (feeds, sitemaps, robots.txt) with wrk and prints a markdown table:
# full answers (200) and conditional answers (304, If-None-Match) for the site feeds, a section feed,
# the sitemap index, the first article sitemap and the news sitemap.
#
#   bench/feeds.sh [--duration 10s] [--connections 16] [--data DIR] [--no-build]
#
# Uses the Wikinews demo content unless --data names a folder with a bigger site. Needs wrk, curl and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=10s
CONNECTIONS=16
DATA=""
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "bench/feeds.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk curl java; do
  command -v "$tool" >/dev/null || { echo "bench/feeds.sh: $tool is missing" >&2; exit 2; }
done

[ "$BUILD" = 1 ] && mvn -q -B -o -DskipTests package
WORK=$(mktemp -d /tmp/broadsheet-feeds-bench.XXXXXX)
DATA=${DATA:-$WORK/data}
PORT=18090
java -Xmx512m -jar target/broadsheet.jar serve --port "$PORT" --data "$DATA" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done

BASE="http://127.0.0.1:$PORT"
SECTION=$(curl -fs "$BASE/sitemaps/pages.xml" | grep -o '<loc>[^<]*' | sed -n 2p | sed "s|<loc>[a-z]*://[^/]*||")
PATHS=(/feed.xml /atom.xml "${SECTION}feed.xml" /sitemap.xml /sitemaps/articles-1.xml /news-sitemap.xml /robots.txt)
for path in "${PATHS[@]}"; do wrk -t2 -c"$CONNECTIONS" -d3s "$BASE$path" > /dev/null; done # JIT warm-up
echo "| document | bytes | answer | req/s | p50 | p99 |"
echo "|---|---:|---|---:|---:|---:|"
for path in "${PATHS[@]}"; do
  bytes=$(curl -fs "$BASE$path" | wc -c)
  etag=$(curl -fs -D - -o /dev/null "$BASE$path" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
  for mode in 200 304; do
    header=()
    [ "$mode" = 304 ] && header=(-H "If-None-Match: $etag")
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$BASE$path")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    echo "| $path | $bytes | $mode | $rps | $p50 | $p99 |"
  done
done
