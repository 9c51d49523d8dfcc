#!/usr/bin/env bash
# Loads Broadsheet's hot pages with wrk next to nginx serving the same article bytes as a static file,
# in one run on one machine, and prints a markdown table with ratios against that baseline.
#
#   bench/run.sh [--articles N] [--duration 20s] [--warmup 10s] [--connections "16 64"] [--no-build]
#
# Needs wrk and nginx (Debian: apt-get install -y wrk nginx) and a JDK with Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=1000
DURATION=20s
WARMUP=10s
CONNECTIONS="16 64"
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) ARTICLES=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

for tool in wrk nginx curl java; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is missing (apt-get install -y wrk nginx curl)" >&2; exit 2; }
done

[ "$BUILD" = 1 ] && mvn -q -B -DskipTests package
JAR=target/broadsheet.jar
WORK=$(mktemp -d /tmp/broadsheet-bench.XXXXXX)
DATA=${BENCH_DATA:-/tmp/broadsheet-bench-data-$ARTICLES}
PORT=18080
NGINX_PORT=18081
OUT=bench/results/$(date -u +%Y%m%d-%H%M%S)-$ARTICLES.md
mkdir -p bench/results "$WORK/static"
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

if [ ! -f "$DATA/broadsheet.db" ]; then
  echo "== generating $ARTICLES articles into $DATA"
  java -jar "$JAR" generate --articles "$ARTICLES" --data "$DATA"
  # Index offline now (25 minutes at 1,000,000 on 2 cores), so the server under test does not rebuild it.
  java -jar "$JAR" reindex --data "$DATA"
fi

start_broadsheet() { # $1 = extra flags
  # Flood control off and a 1 s fill-in time, so that the comment POST run is not refused (never in production).
  BROADSHEET_COMMENTS_FLOOD_SECONDS=0 BROADSHEET_COMMENTS_MIN_FILL_SECONDS=1 BROADSHEET_COMMENTS_CLOSE_AFTER_DAYS=0 \
  java -Xmx512m -jar "$JAR" serve --port "$PORT" --data "$DATA" $1 > "$WORK/broadsheet.log" 2>&1 &
  PIDS+=($!)
  local ready=0
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && { ready=1; break; }
    sleep 0.1
  done
  [ "$ready" = 1 ] || { echo "bench/run.sh: Broadsheet did not start; see $WORK/broadsheet.log" >&2; exit 1; }
  # /readyz answers 200 once searches are answered (a fresh data folder builds its index in the background
  # first) and, in an archive of at most 5,000 articles, every related list is there. In a bigger one the
  # related lists of the newest articles are still computed in the background (once per archive): wait for
  # that too, or the runs would measure it. The gauge is 0 when nothing is waiting.
  for _ in $(seq 1 6000); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/readyz"; then
      backlog=$(curl -fs "http://127.0.0.1:$PORT/metrics" | awk '/^broadsheet_related_backlog/ { print $NF }')
      [ "${backlog:-1}" = "0.0" ] || [ "${backlog:-1}" = "0" ] && return 0
    fi
    sleep 0.2
  done
  echo "bench/run.sh: the search index and related lists were not ready after 20 minutes" >&2; exit 1
}
stop_broadsheet() {
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
start_broadsheet ""
ARTICLE=$(curl -fs "http://127.0.0.1:$PORT/" | grep -o 'href="/[a-z/-]*/20[0-9][0-9]/[0-9][0-9]/[0-9][0-9]/[^"]*"' | sed -n 1p | cut -d'"' -f2)
SECTION=$(curl -fs "http://127.0.0.1:$PORT/" | grep -o 'href="/[a-z-]*/"' | sed -n 2p | cut -d'"' -f2)
curl -fs "http://127.0.0.1:$PORT$ARTICLE" > "$WORK/static/article.html"
# Up to 20,000 article addresses from across the archive (the product's own sitemaps), for the cold-path run.
for part in $(curl -fs "http://127.0.0.1:$PORT/sitemap.xml" | grep -o '<loc>[^<]*articles[^<]*</loc>' | sed -e 's|<loc>||' -e 's|</loc>||' | sed -n 1,3p); do
  curl -fs "http://127.0.0.1:$PORT$(sed -E 's|https?://[^/]*||' <<< "$part")" | grep -o '<loc>[^<]*</loc>' | sed -E -e 's|</?loc>||g' -e 's|https?://[^/]*||'
done | shuf -n 20000 --random-source=<(yes) > "$WORK/archive.txt"
[ -s "$WORK/archive.txt" ] || { echo "bench/run.sh: no article addresses in the sitemaps" >&2; exit 1; }
sed -e "s|@WORK@|$WORK|g" -e "s|@PORT@|$NGINX_PORT|g" bench/nginx.conf.template > "$WORK/nginx.conf"
chmod 755 "$WORK" "$WORK/static" && chmod 644 "$WORK/static/article.html" # nginx workers run unprivileged
nginx -c "$WORK/nginx.conf"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/")" = 200 ] \
  || { echo "bench/run.sh: nginx does not serve the static copy; see $WORK/nginx-error.log" >&2; exit 1; }

declare -A RPS P50 P99 P999
run() { # name url connections [script]
  local name=$1 url=$2 c=$3 script=${4:-}
  local args=(-t2 -c"$c" -s bench/report.lua)
  [ -n "$script" ] && args=(-t2 -c"$c" -s "$script")
  wrk "${args[@]}" -d"$WARMUP" "$url" > /dev/null
  local line
  line=$(wrk "${args[@]}" -d"$DURATION" "$url" | grep '^RESULT')
  if ! grep -q ' errors=0 ' <<< "$line"; then
    echo "bench/run.sh: $name c=$c had errors or non-2xx answers: $line" >&2
  fi
  local req dur
  req=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<< "$line")
  dur=$(sed -E 's/.*duration_us=([0-9]+).*/\1/' <<< "$line")
  RPS[$name/$c]=$(awk -v r="$req" -v d="$dur" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
  P50[$name/$c]=$(sed -E 's/.*p50=([0-9]+).*/\1/' <<< "$line")
  P99[$name/$c]=$(sed -E 's/.*p99=([0-9]+).*/\1/' <<< "$line")
  P999[$name/$c]=$(sed -E 's/.*p999=([0-9]+).*/\1/' <<< "$line")
  echo "  $name c=$c: ${RPS[$name/$c]} req/s, p99 ${P99[$name/$c]} us ($line)"
}

BASE="http://127.0.0.1:$PORT"
echo "== article $ARTICLE, section $SECTION, $ARTICLES articles"
warm() { # a freshly started JVM compiles its hot paths first: load each path once, unmeasured
  for path in "$@"; do wrk -t2 -c16 -d"$WARMUP" "$BASE$path" > /dev/null; done
}
warm "$ARTICLE" / "$SECTION" "/search?q=election"
for c in $CONNECTIONS; do
  run static "http://127.0.0.1:$NGINX_PORT/" "$c"
  run article "$BASE$ARTICLE" "$c"
  run home "$BASE/" "$c"
  run section "$BASE$SECTION" "$c"
  PATHS=bench/search-queries.txt run search "$BASE" "$c" bench/paths.lua
  COMMENT_TOKEN=$(curl -fs "$BASE/comments/token?article=1")
  sleep 1.2 # the minimum fill-in time
  ARTICLE=1 TOKEN=$COMMENT_TOKEN ORIGIN=$BASE run comment "$BASE" "$c" bench/comment-post.lua
done
memory() { # resident memory and heap in use of the running server, in MB
  local heap
  heap=$(curl -fs "$BASE/metrics" | awk '/^jvm_memory_used_bytes.*area="heap"/ { s += $NF } END { printf "%.0f", s / 1048576 }')
  local anon
  anon=$(awk '/^RssAnon/ { printf "%.0f", $2 / 1024 }' "/proc/${PIDS[-1]}/status")
  echo "RSS $(( $(ps -o rss= -p "${PIDS[-1]}" | tr -d ' ') / 1024 )) MB (of which $anon MB anonymous memory, the rest mapped files such as the search index), heap in use $heap MB"
}
MEMORY_CACHED=$(memory)
stop_broadsheet

start_broadsheet "--no-page-cache"
warm "$ARTICLE" "$(sed -n 1p "$WORK/archive.txt")" "/search?q=election"
for c in $CONNECTIONS; do
  run article-uncached "$BASE$ARTICLE" "$c"
  PATHS=$WORK/archive.txt run article-archive "$BASE" "$c" bench/paths.lua
  PATHS=bench/search-queries.txt run search-uncached "$BASE" "$c" bench/paths.lua
done
MEMORY_UNCACHED=$(memory)
stop_broadsheet

# Start to the first 200 on /healthz on this (existing) store, three times; the median is reported.
STARTS=()
for _ in 1 2 3; do
  t0=$(date +%s%N)
  java -Xmx512m -jar "$JAR" serve --port "$PORT" --data "$DATA" > "$WORK/start.log" 2>&1 &
  PIDS+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz"; do sleep 0.01; done
  STARTS+=($(( ($(date +%s%N) - t0) / 1000000 )))
  stop_broadsheet
done
START_MS=$(printf '%s\n' "${STARTS[@]}" | sort -n | sed -n 2p)

{
  echo "# Broadsheet bench: $ARTICLES articles, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Command: \`bench/run.sh --articles $ARTICLES --duration $DURATION --warmup $WARMUP\` on $(nproc) cores; wrk -t2 on the same machine; load average before the run: $LOAD_BEFORE."
  echo "Article page: \`$ARTICLE\` ($(wc -c < "$WORK/static/article.html") bytes); article-archive: $(wc -l < "$WORK/archive.txt") addresses from the sitemaps, at random; search: the $(wc -l < bench/search-queries.txt) queries of \`bench/search-queries.txt\`, at random."
  echo "Server at -Xmx512m. Memory after the cached runs: $MEMORY_CACHED; after the uncached runs: $MEMORY_UNCACHED."
  echo "Start to first 200 on /healthz: ${STARTS[*]} ms (median $START_MS ms)."
  echo
  echo "WordPress (../shared/bench/PEERS.md, same machine kind, not this run): article 49.4/48.8, search 5.1/5.0, comment POST 147/146 req/s at c=16/64."
  echo
  echo "| what | conns | req/s | p50 ms | p99 ms | p99.9 ms | req/s vs static | p99 vs static | req/s vs WordPress |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for c in $CONNECTIONS; do
    for name in static article article-uncached article-archive home section search search-uncached comment; do
      [ -n "${RPS[$name/$c]:-}" ] || continue
      wp=""
      case "$name/$c" in
        article-*/16) wp=49.4 ;; article-*/64) wp=48.8 ;; search*/16) wp=5.1 ;; search*/64) wp=5.0 ;;
        comment/16) wp=147 ;; comment/64) wp=146 ;;
      esac
      awk -v n="$name" -v c="$c" -v r="${RPS[$name/$c]}" -v p50="${P50[$name/$c]}" -v p99="${P99[$name/$c]}" \
          -v p999="${P999[$name/$c]}" -v sr="${RPS[static/$c]}" -v sp="${P99[static/$c]}" -v wp="$wp" \
          'BEGIN { w = wp == "" ? "" : sprintf("%.0f×", r / wp);
                   printf "| %s | %s | %d | %.2f | %.2f | %.2f | %.2f× | %.2f× | %s |\n", n, c, r, p50/1000, p99/1000, p999/1000, r/sr, p99/sp, w }'
    done
  done
} | tee "$OUT"
echo "written to $OUT"
