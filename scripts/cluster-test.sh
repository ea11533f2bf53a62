#!/usr/bin/env bash
# The cluster test (docs/benchmarks.md, "Cluster"): a fresh scripts/cluster.sh cluster with the simulator on, a
# 20,000-host task reported by two event writers through HAProxy while both app nodes are read, the writing Galera
# node killed (SIGKILL) and restarted, then an app node; then checks that every acknowledged event is stored exactly
# once on every node, that the counters equal a recount and that no request got a 500. About 10 minutes on 2 cores.
#
#   scripts/cluster-test.sh            (as root; HOSTS=20000 SECONDS_RUN=180 to change the load)
#
# Not part of ./test.sh (it takes longer than 3 minutes and needs root). Its cluster lives in
# SUBWATCH_CLUSTER_DIR (default /tmp/subwatch-cluster-test) and is stopped and removed at the end unless KEEP=1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export SUBWATCH_CLUSTER_DIR=${SUBWATCH_CLUSTER_DIR:-/tmp/subwatch-cluster-test}
for port in 14300 14306 14380 14381; do
	if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		echo "cluster-test.sh: port $port is in use; stop the other cluster first (scripts/cluster.sh down)" >&2
		exit 1
	fi
done
cd "$ROOT"
./mvnw -B -ntp -q -o package -DskipTests
./mvnw -B -ntp -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cluster-test.classpath
rm -rf "$SUBWATCH_CLUSTER_DIR"
# The demo executor on both app nodes (one runs it at a time, ShedLock), launching a task every 30 s.
export SUBWATCH_SIMULATOR_ENABLED=true SUBWATCH_SIMULATOR_LAUNCH_INTERVAL=30s
started=$SECONDS
scripts/cluster.sh up
echo "cluster-test.sh: cluster up in $((SECONDS - started)) s"
status=0
java -Dhosts="${HOSTS:-20000}" -Dseconds="${SECONDS_RUN:-180}" \
	-cp "target/test-classes:target/classes:$(cat target/cluster-test.classpath)" \
	io.subwatch.cluster.ClusterRun "$ROOT/scripts/cluster.sh" | tee "$SUBWATCH_CLUSTER_DIR/report.md" || status=$?
# The logs stay in target/cluster-test for a look after the cluster is gone.
rm -rf target/cluster-test && mkdir -p target/cluster-test
cp "$SUBWATCH_CLUSTER_DIR"/app*.log "$SUBWATCH_CLUSTER_DIR"/galera/*.err "$SUBWATCH_CLUSTER_DIR/report.md" target/cluster-test/ || true
if [[ ${KEEP:-0} != 1 ]]; then
	scripts/cluster.sh down
	rm -rf "$SUBWATCH_CLUSTER_DIR"
fi
exit $status
