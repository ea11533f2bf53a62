#!/usr/bin/env bash
# Installs what the tests need where it is missing (Debian, as root: Chromium, ChromeDriver and a CJK font for the
# browser suite, MariaDB for the MySQL suite), starts MariaDB on 127.0.0.1:3306 with a fresh test database, then runs
# ./mvnw -B -ntp verify: unit, DAO and API suites on H2, the DAO and API suites again on MariaDB, the browser suite,
# the resilience suite (outage, restart) and the benchmark smoke run.
# Not run here, as they take 10 minutes or more each (docs/benchmarks.md has their figures):
#   scripts/cluster-test.sh     three Galera nodes and two app nodes through HAProxy, a database node and an app
#                               node killed mid-run (issue 13's cluster test)
#   bench/run.sh                the benchmark; the other *BenchmarkIT and LivePollLoadIT: see docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")"

DB_NAME=subwatch_test
DB_USER=subwatch_test
DB_PASSWORD=subwatch_test

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
# a CJK font, so the Chinese pages in the browser suite's screenshots show their text instead of boxes
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || [ -x /usr/sbin/mysqld ] || missing+=(mariadb-server)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "test.sh: missing ${missing[*]}." >&2
    echo "  Install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}) or run this script as root on Debian." >&2
    exit 1
  fi
fi

# A MySQL-protocol server on 127.0.0.1:3306 (started here when none answers) with a fresh test database.
. scripts/mariadb.sh
mariadb_ready
mariadb_database "$DB_NAME" "$DB_USER" "$DB_PASSWORD"
# the source application of the two-application mirror test (MirrorTwoAppsTest) has a database of its own
mariadb_database "${DB_NAME}_source" "$DB_USER" "$DB_PASSWORD"
trap mariadb_stop EXIT

export SUBWATCH_TEST_MYSQL_URL="jdbc:mysql://127.0.0.1:3306/${DB_NAME}?rewriteBatchedStatements=true&characterEncoding=utf8"
export SUBWATCH_TEST_MYSQL_USER=${DB_USER}
export SUBWATCH_TEST_MYSQL_PASSWORD=${DB_PASSWORD}
export SUBWATCH_TEST_MYSQL_SOURCE_URL="jdbc:mysql://127.0.0.1:3306/${DB_NAME}_source?rewriteBatchedStatements=true&characterEncoding=utf8"

./mvnw -B -ntp verify "$@"

echo
echo "test.sh: suites that ran"
for dir in target/surefire-reports target/surefire-reports-mysql target/surefire-reports-streaming target/failsafe-reports; do
  if ls "$dir"/TEST-*.xml >/dev/null 2>&1; then
    cat "$dir"/TEST-*.xml | grep -o '<testsuite [^>]*' | awk -v dir="$dir" '
      { for (i = 1; i <= NF; i++) if ($i ~ /^(tests|failures|errors|skipped)=/) { split($i, kv, "\""); sum[substr($i, 1, index($i, "=") - 1)] += kv[2] } }
      END { printf "  %-32s %d tests, %d failures, %d errors, %d skipped\n", dir, sum["tests"], sum["failures"], sum["errors"], sum["skipped"] }' 
  fi
done
