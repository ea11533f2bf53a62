#!/usr/bin/env bash
# Same-data A/B of two builds on the dataset bench/run.sh left behind: starts jar A, measures, stops it, then jar B,
# and again, alternating, so a box whose speed drifts (a shared 2-core VM does) moves both sides alike. Prints each
# round's medians and, at the end, the median of the rounds per side. Needs curl and python3.
#   bench/ab.sh h2|mysql JAR_A JAR_B [rounds (default 3)] [measures (default "M1 M4 M7")]
# Measures, as in docs/benchmarks.md but over curl: M1 (task_result page 1), M4 (1,000 instance ids), M6 (return_all,
# 5 calls), M7 (the result page, signed in). Each call is timed by curl (time_total) after unmeasured warm-up calls.
# A JAR may carry text to append to the JDBC URL after a '|', e.g. "target/a.jar|&cachePrepStmts=false" (MySQL) or
# "target/a.jar|;CACHE_SIZE=65536" (H2): the same build with other driver or database settings. Or a whole JDBC URL
# after a '@', e.g. "target/b.jar@jdbc:mysql://127.0.0.1:3306/subwatch_bench2?characterEncoding=utf8": a copy of the
# dataset for a build whose migrations change the schema (same user and password).
set -euo pipefail
cd "$(dirname "$0")/.."

db=${1:?h2 or mysql}; jar_a=${2:?jar A}; jar_b=${3:?jar B}; rounds=${4:-3}; measures=${5:-M1 M4 M7}
port=18180; management=18181
case "$db" in
  h2) url="jdbc:h2:file:$PWD/target/bench/h2/subwatch;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;WRITE_DELAY=0"
      user=sa; password="" ;;
  mysql) url="jdbc:mysql://127.0.0.1:3306/subwatch_bench?characterEncoding=utf8"
      user=subwatch_bench; password=subwatch_bench ;;
  *) echo "database: h2 or mysql" >&2; exit 2 ;;
esac
api=http://127.0.0.1:$port/backend/api/subscription/task_result/
auth='{"bk_app_code": "bench", "bk_app_secret": "bench-secret-0123456789abcdef", "bk_username": "bench"}'
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# the median of the times (seconds) on stdin, in ms
median() { sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]*1000}'; }
post() { curl -s -o /dev/null -w "%{time_total}\n" -H "Content-Type: application/json" -H "X-Bkapi-Authorization: $auth" --data "@$1" "$api"; }
repeat() { local n=$1; shift; for _ in $(seq 1 "$n"); do "$@"; done; }

measure() { # label, jar spec
  local jar=${2%%[|@]*} extra="" side_url=$url
  [[ "$2" == *"|"* ]] && extra=${2#*|}
  [[ "$2" == *"@"* ]] && side_url=${2#*@}
  local args=(--server.port=$port --management.server.port=$management "--spring.datasource.url=$side_url$extra"
    --spring.datasource.username=$user "--spring.datasource.password=$password" --subwatch.jobs.enabled=false
    --subwatch.demo.enabled=false --subwatch.simulator.enabled=false)
  [ "$db" = mysql ] && args+=(--spring.profiles.active=mysql)
  SUBWATCH_ADMIN_PASSWORD=bench-admin-password SUBWATCH_API_APP_CODE=bench \
    SUBWATCH_API_APP_SECRET=bench-secret-0123456789abcdef java -Xmx512m -jar "$jar" "${args[@]}" > "$work/app.log" 2>&1 &
  local pid=$!
  local healthy=""
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$management/actuator/health" >/dev/null && { healthy=1; break; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if [ -z "$healthy" ]; then # a side that measured nothing would print empty medians, not an error
    echo "bench/ab.sh: $jar did not become healthy (${side_url}${extra}); its log ends:" >&2
    tail -20 "$work/app.log" >&2
    kill "$pid" 2>/dev/null || true
    exit 1
  fi
  echo '{"subscription_id": 1, "task_id_list": [1], "page": 1, "pagesize": 50}' > "$work/m1.json"
  echo '{"subscription_id": 1, "task_id_list": [1], "return_all": true}' > "$work/m6.json"
  if [ ! -f "$work/m4.json" ]; then # 1,000 instance ids spread over the task, as the benchmark picks them
    echo '{"subscription_id": 1, "task_id_list": [1], "page": 1, "pagesize": 100000}' > "$work/all.json"
    curl -s -H "Content-Type: application/json" -H "X-Bkapi-Authorization: $auth" --data "@$work/all.json" "$api" \
      | python3 -c 'import json,sys; ids=[r["instance_id"] for r in json.load(sys.stdin)["data"]["list"]]; step=max(1,len(ids)//1000); print(json.dumps({"subscription_id":1,"task_id_list":[1],"page":1,"pagesize":50,"instance_id_list":ids[::step][:1000]})); print(len(ids[::step][:1000]), "instance ids for M4", file=sys.stderr)' > "$work/m4.json"
  fi
  local line="$1"
  for m in $measures; do
    case "$m" in
      M1) repeat 600 post "$work/m1.json" >/dev/null; line+=" M1 $(repeat 300 post "$work/m1.json" | median)" ;;
      M4) repeat 200 post "$work/m4.json" >/dev/null; line+=" M4 $(repeat 200 post "$work/m4.json" | median)" ;;
      M6) post "$work/m6.json" >/dev/null; line+=" M6 $(repeat 5 post "$work/m6.json" | median)" ;;
      M7) rm -f "$work/cookies"
          local token
          token=$(curl -s -c "$work/cookies" -b "$work/cookies" "http://127.0.0.1:$port/login" \
            | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
          curl -s -c "$work/cookies" -b "$work/cookies" -o /dev/null --data-urlencode username=admin \
            --data-urlencode password=bench-admin-password --data-urlencode "_csrf=$token" "http://127.0.0.1:$port/login"
          local page="http://127.0.0.1:$port/subscriptions/1?task=1"
          repeat 150 curl -s -b "$work/cookies" -o /dev/null "$page"
          line+=" M7 $(repeat 150 curl -s -b "$work/cookies" -o /dev/null -w "%{time_total}\n" "$page" | median)" ;;
    esac
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$line" | tee -a "$work/rounds"
}

for round in $(seq 1 "$rounds"); do
  measure "round $round A" "$jar_a"
  measure "round $round B" "$jar_b"
done
echo "median of the rounds (ms):"
for side in A B; do
  line="$side"
  for m in $measures; do
    line+=" $m $(grep " $side " "$work/rounds" | awk -v m="$m" '{for (i=1;i<NF;i++) if ($i==m) print $(i+1)/1000}' | median)"
  done
  echo "$line"
done
