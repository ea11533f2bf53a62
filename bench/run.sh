#!/usr/bin/env bash
# The benchmark of issue 6: generates the large dataset (100,000-host task + history) on H2 and on MariaDB/MySQL,
# measures M1–M10 and rewrites docs/benchmarks.md. Takes 15–40 minutes on 2 cores; run it on a quiet machine.
#   bench/run.sh                 both databases
#   BENCH_DATABASES=h2 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

databases=${BENCH_DATABASES:-h2,mysql}
if [[ "$databases" == *mysql* ]]; then
  if ! command -v mariadb-admin >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends mariadb-server
  fi
  . scripts/mariadb.sh
  mariadb_ready
  mariadb_database subwatch_bench subwatch_bench subwatch_bench
  trap mariadb_stop EXIT
  export SUBWATCH_BENCH_MYSQL_URL="jdbc:mysql://127.0.0.1:3306/subwatch_bench?rewriteBatchedStatements=true&characterEncoding=utf8"
  export SUBWATCH_BENCH_MYSQL_USER=subwatch_bench
  export SUBWATCH_BENCH_MYSQL_PASSWORD=subwatch_bench
fi

./mvnw -B -ntp -q clean package -DskipTests
./mvnw -B -ntp -Pbench failsafe:integration-test failsafe:verify -Dbench.databases="$databases" \
  -Dbench.runs="${BENCH_RUNS:-200}"
echo "bench/run.sh: wrote docs/benchmarks.md"
