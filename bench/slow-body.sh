#!/usr/bin/env bash
# Slow-body denial of service: how many clients dribbling a request body (a byte every 5 s) it takes to push a
# reader's /healthz and cached article page past 1 s. Starts the jar with the demo content on a free port.
#   bench/slow-body.sh [--jar target/broadsheet.jar] [--counts "1 2 4 5 6 8 12 16 24 32"]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/broadsheet.jar
counts="1 2 4 5 6 8 12 16 24 32"
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --counts) counts="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -f "$jar" ] || mvn -q -o -DskipTests package
[ -d target/test-classes/org/broadsheet/web ] || mvn -q -o test-compile
data=$(mktemp -d /tmp/broadsheet-slow-body-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$jar" serve --port "$port" --data "$data" > "$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
  sleep 0.2
done
article=$(curl -fs "http://127.0.0.1:$port/" | grep -o 'href="/[a-z0-9/-]*/[0-9]\{4\}/[0-9][0-9]/[0-9][0-9]/[a-z0-9-]*/"' | head -1 | cut -d'"' -f2 || true)
curl -s -o /dev/null -w "first GET of the article: %{http_code}\n" --max-time 30 "http://127.0.0.1:$port$article"
echo "jar: $jar, article: $article, $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
java -cp "target/test-classes:$jar" org.broadsheet.web.SlowBodyBench "$port" "$article" $counts
