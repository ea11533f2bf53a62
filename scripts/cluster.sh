#!/usr/bin/env bash
# A whole subwatch cluster on one machine (docs/operations.md, "Galera"): three MariaDB Galera nodes, HAProxy in front
# of them (one writer at a time), two subwatch nodes on that frontend, and a second HAProxy frontend balancing them.
#
#   scripts/cluster.sh up | down | status
#
# Run as root on Debian with mariadb-server, galera-4 and haproxy installed. Everything lives under
# SUBWATCH_CLUSTER_DIR (default /tmp/subwatch-cluster): data directories, configs, logs, pid files and the generated
# passwords (secrets.env, mode 600; nothing has a default password). `up` starts only what is not running, so it also
# restarts a piece that was killed; `down` stops everything and keeps the data, `up` again brings it back.
# The app nodes inherit the environment, e.g. SUBWATCH_SIMULATOR_ENABLED=true scripts/cluster.sh up for demo data.
#
# Ports: Galera SQL 14306-14308 (group 14567-14569, IST 14577-14579, SST 14587-14589), HAProxy database frontend
# 14300, app frontend 14380, app nodes 14381-14382 (actuator 14391-14392).
set -euo pipefail

DIR=${SUBWATCH_CLUSTER_DIR:-/tmp/subwatch-cluster}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NODES=(1 2 3)
APPS=(1 2)
DB_FRONTEND=14300
APP_FRONTEND=14380
GALERA=/usr/lib/galera/libgalera_smm.so
# The Galera nodes' data directories, sockets, pid files and logs: owned by mysql, which runs them.
G=$DIR/galera

sql_port() { echo $((14305 + $1)); }
group_port() { echo $((14566 + $1)); }
app_port() { echo $((14380 + $1)); }
management_port() { echo $((14390 + $1)); }

die() { echo "cluster.sh: $*" >&2; exit 1; }
say() { echo "cluster.sh: $*"; }

alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
	local seconds=$1; shift
	local deadline=$((SECONDS + seconds))
	until "$@" >/dev/null 2>&1; do
		((SECONDS < deadline)) || return 1
		sleep 0.5
	done
}

preflight() {
	[[ $(id -u) == 0 ]] || die "run as root (mariadbd is started as the user mysql)"
	local missing=()
	command -v mariadbd >/dev/null || missing+=(mariadb-server)
	[[ -f $GALERA ]] || missing+=(galera-4)
	command -v haproxy >/dev/null || missing+=(haproxy)
	command -v rsync >/dev/null || missing+=(rsync)
	command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
	command -v curl >/dev/null || missing+=(curl)
	((${#missing[@]} == 0)) || die "missing packages, install them with: apt-get install -y ${missing[*]}"
	id mysql >/dev/null 2>&1 || die "the user mysql does not exist (it comes with mariadb-server)"
}

# --- secrets ------------------------------------------------------------------------------------------------------
random() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

secrets() {
	mkdir -p "$DIR"
	chmod 755 "$DIR"
	if [[ ! -f $DIR/secrets.env ]]; then
		(umask 077; cat >"$DIR/secrets.env" <<-EOF
			SUBWATCH_DB_PASSWORD=$(random)
			SUBWATCH_CHECK_PASSWORD=$(random)
			SUBWATCH_ADMIN_PASSWORD=$(random)
			SUBWATCH_API_APP_CODE=cluster
			SUBWATCH_API_APP_SECRET=$(random)
			EOF
		)
		say "generated passwords in $DIR/secrets.env"
	fi
	# shellcheck disable=SC1091
	. "$DIR/secrets.env"
	# HAProxy's health check reads its credentials from here (root only).
	(umask 077; printf '[client]\nuser=clustercheck\npassword=%s\n' "$SUBWATCH_CHECK_PASSWORD" >"$DIR/check.cnf")
}

# --- Galera -------------------------------------------------------------------------------------------------------
node_cnf() {
	local n=$1
	cat >"$DIR/n$n.cnf" <<-EOF
		[mysqld]
		datadir=$G/n$n
		socket=$G/n$n.sock
		pid-file=$G/n$n.pid
		log-error=$G/n$n.err
		port=$(sql_port "$n")
		bind-address=127.0.0.1
		character-set-server=utf8mb4
		collation-server=utf8mb4_bin
		binlog_format=ROW
		default_storage_engine=InnoDB
		innodb_autoinc_lock_mode=2
		innodb_buffer_pool_size=128M
		innodb_flush_log_at_trx_commit=1
		max_connections=200
		wsrep_on=ON
		wsrep_provider=$GALERA
		wsrep_cluster_name=subwatch
		wsrep_cluster_address=gcomm://127.0.0.1:$(group_port 1),127.0.0.1:$(group_port 2),127.0.0.1:$(group_port 3)
		wsrep_node_name=n$n
		wsrep_node_address=127.0.0.1:$(group_port "$n")
		wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(group_port "$n");ist.recv_addr=127.0.0.1:$((14576 + n));gcache.size=256M"
		wsrep_sst_method=rsync
		wsrep_sst_receive_address=127.0.0.1:$((14586 + n))
	EOF
}

client() { mariadb --no-defaults -S "$G/n$1.sock" -uroot "${@:2}"; }

wsrep() { client "$1" -N -e "SHOW STATUS LIKE '$2'" 2>/dev/null | awk '{print $2}'; }

synced() { [[ $(wsrep "$1" wsrep_local_state) == 4 ]]; }

node_running() { alive "$G/n$1.pid"; }

# The position a node stopped at: from grastate.dat after a clean stop, else recovered from InnoDB (after a crash).
node_position() {
	local n=$1 state=$G/n$1/grastate.dat uuid seqno
	uuid=$(awk '/^uuid:/ {print $2}' "$state" 2>/dev/null || true)
	seqno=$(awk '/^seqno:/ {print $2}' "$state" 2>/dev/null || true)
	if [[ -z $seqno || $seqno == -1 ]]; then
		mariadbd --defaults-file="$DIR/n$n.cnf" --user=mysql --wsrep-recover --log-error="$G/n$n-recover.err" \
			>/dev/null 2>&1 || true
		local recovered
		recovered=$(grep -o 'Recovered position: [^ ]*' "$G/n$n-recover.err" | tail -1 | awk '{print $3}')
		[[ -n $recovered ]] && { echo "$recovered"; return; }
	fi
	echo "$uuid:${seqno:--1}"
}

start_node() {
	local n=$1 bootstrap=${2:-} extra=()
	node_running "$n" && return 0
	node_cnf "$n"
	if [[ ! -d $G/n$n/mysql ]]; then
		install -d -o mysql -g mysql -m 750 "$G" "$G/n$n"
		mariadb-install-db --defaults-file="$DIR/n$n.cnf" --user=mysql >"$DIR/n$n-install.log" 2>&1 \
			|| die "mariadb-install-db for node $n failed; see $DIR/n$n-install.log"
	elif [[ -z $bootstrap ]]; then
		# A node that crashed knows its position only after recovery; with it, it rejoins by IST, not a full copy.
		local position
		position=$(node_position "$n")
		[[ $position == *:-1 || $position == :* ]] || extra+=("--wsrep-start-position=$position")
	fi
	if [[ -n $bootstrap ]]; then
		extra+=(--wsrep-new-cluster)
		sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$G/n$n/grastate.dat" 2>/dev/null || true
	fi
	say "starting Galera node $n on port $(sql_port "$n")${bootstrap:+ (new cluster)}"
	setsid mariadbd --defaults-file="$DIR/n$n.cnf" --user=mysql "${extra[@]}" </dev/null >>"$DIR/n$n.out" 2>&1 &
	local pid=$! deadline=$((SECONDS + 300))
	until synced "$n"; do
		kill -0 "$pid" 2>/dev/null || die "Galera node $n exited; see $G/n$n.err and $DIR/n$n.out"
		((SECONDS < deadline)) || die "Galera node $n did not reach Synced in 300 s; see $G/n$n.err"
		sleep 0.5
	done
}

# With no node running, the cluster starts from the node that holds the newest data: the one Galera marked safe to
# bootstrap after a clean shutdown, else (after a crash) the highest recovered position.
bootstrap_node() {
	local n best=1 best_seqno=-2 seqno
	[[ -d $G/n1/mysql ]] || { echo 1; return; }
	for n in "${NODES[@]}"; do
		grep -q '^safe_to_bootstrap: 1' "$G/n$n/grastate.dat" 2>/dev/null && { echo "$n"; return; }
	done
	for n in "${NODES[@]}"; do
		seqno=$(node_position "$n"); seqno=${seqno##*:}
		((seqno > best_seqno)) && { best=$n; best_seqno=$seqno; }
	done
	echo "$best"
}

galera_up() {
	local n running=0 first
	for n in "${NODES[@]}"; do node_running "$n" && running=1; done
	if ((running == 0)); then
		first=$(bootstrap_node)
		local fresh=0
		[[ -d $G/n$first/mysql ]] || fresh=1
		start_node "$first" bootstrap
		if ((fresh)); then
			client "$first" <<-EOF
				CREATE DATABASE IF NOT EXISTS subwatch CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
				CREATE USER IF NOT EXISTS 'subwatch'@'127.0.0.1' IDENTIFIED BY '$SUBWATCH_DB_PASSWORD';
				CREATE USER IF NOT EXISTS 'subwatch'@'localhost' IDENTIFIED BY '$SUBWATCH_DB_PASSWORD';
				GRANT ALL ON subwatch.* TO 'subwatch'@'127.0.0.1';
				GRANT ALL ON subwatch.* TO 'subwatch'@'localhost';
				CREATE USER IF NOT EXISTS 'clustercheck'@'127.0.0.1' IDENTIFIED BY '$SUBWATCH_CHECK_PASSWORD';
				CREATE USER IF NOT EXISTS 'clustercheck'@'localhost' IDENTIFIED BY '$SUBWATCH_CHECK_PASSWORD';
			EOF
		fi
	fi
	for n in "${NODES[@]}"; do start_node "$n"; done
}

stop_pid() {
	local file=$1 what=$2 seconds=${3:-60}
	alive "$file" || { rm -f "$file"; return 0; }
	say "stopping $what"
	kill "$(cat "$file")"
	wait_for "$seconds" bash -c "! kill -0 $(cat "$file") 2>/dev/null" || die "$what did not stop in $seconds s"
	rm -f "$file"
}

# --- HAProxy ------------------------------------------------------------------------------------------------------
haproxy_cfg() {
	cat >"$DIR/galera-check.sh" <<-EOF
		#!/bin/sh
		# HAProxy external check: the node answers and is Synced (wsrep_local_state 4), not a donor or joiner.
		# Arguments: proxy address, proxy port, server address, server port.
		state=\$(mariadb --defaults-file=$DIR/check.cnf -h "\$3" -P "\$4" --connect-timeout=2 -N \\
			-e "SHOW STATUS LIKE 'wsrep_local_state'" 2>/dev/null | cut -f2)
		[ "\$state" = 4 ]
	EOF
	chmod 700 "$DIR/galera-check.sh"
	cat >"$DIR/haproxy.cfg" <<-EOF
		# Generated by scripts/cluster.sh.
		global
		    pidfile $DIR/haproxy.pid
		    stats socket $DIR/haproxy.sock mode 600 level admin
		    external-check
		    insecure-fork-wanted
		    log stdout format raw local0 notice

		defaults
		    timeout connect 3s
		    timeout client 1h
		    timeout server 1h
		    timeout check 3s

		# The database: every app node writes to the same Galera node, the others are hot standbys. Galera certifies
		# a transaction only at commit, so two writers changing the same rows would keep failing each other's
		# commits (deadlock errors) where one writer simply waits for its row locks. The stick table keeps the
		# writer chosen after a failover even when the old one comes back, so the writer changes once, not twice.
		listen galera
		    bind 127.0.0.1:$DB_FRONTEND
		    mode tcp
		    option external-check
		    external-check path "/usr/bin:/bin"
		    external-check command $DIR/galera-check.sh
		    default-server inter 1s fall 2 rise 3 on-marked-down shutdown-sessions
		    stick-table type integer size 1
		    stick on int(1)
		    server n1 127.0.0.1:$(sql_port 1) check
		    server n2 127.0.0.1:$(sql_port 2) check backup
		    server n3 127.0.0.1:$(sql_port 3) check backup

		# The console and the APIs: any app node answers any request (sessions are in the database).
		listen app
		    bind 127.0.0.1:$APP_FRONTEND
		    mode http
		    balance roundrobin
		    option httpchk GET /actuator/health/readiness
		    http-check expect status 200
		    option forwardfor
		    # a request that never reached a node (it just died) goes to the other one; nothing is sent twice
		    retry-on conn-failure
		    retries 2
		    option redispatch
		    server app1 127.0.0.1:$(app_port 1) check port $(management_port 1) inter 1s fall 2 rise 2
		    server app2 127.0.0.1:$(app_port 2) check port $(management_port 2) inter 1s fall 2 rise 2
	EOF
	haproxy -c -q -f "$DIR/haproxy.cfg" || die "HAProxy rejected $DIR/haproxy.cfg"
}

haproxy_up() {
	haproxy_cfg
	if alive "$DIR/haproxy.pid"; then
		return 0
	fi
	say "starting HAProxy: database on $DB_FRONTEND, app on $APP_FRONTEND"
	haproxy -D -f "$DIR/haproxy.cfg" >>"$DIR/haproxy.log" 2>&1 || die "HAProxy did not start; see $DIR/haproxy.log"
	wait_for 10 mariadb --defaults-file="$DIR/check.cnf" -h127.0.0.1 -P$DB_FRONTEND -e 'SELECT 1' \
		|| die "no Galera node answers through HAProxy on $DB_FRONTEND"
}

# --- subwatch -----------------------------------------------------------------------------------------------------
jar() {
	local found
	found=$(ls "$ROOT"/target/subwatch-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
	if [[ -z $found ]]; then
		say "no target/subwatch-*.jar: building it (./mvnw package -DskipTests)"
		(cd "$ROOT" && { ./mvnw -B -ntp -q -o package -DskipTests || ./mvnw -B -ntp -q package -DskipTests; }) \
			>"$DIR/build.log" 2>&1 || die "the build failed; see $DIR/build.log"
		found=$(ls "$ROOT"/target/subwatch-*.jar | grep -v -- '-plain' | head -1)
	fi
	echo "$found"
}

app_ready() { curl -fsS "http://127.0.0.1:$(management_port "$1")/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; }

start_app() {
	local n=$1 jar=$2
	alive "$DIR/app$n.pid" && return 0
	mkdir -p "$DIR/app$n"
	say "starting app node $n on port $(app_port "$n") (actuator $(management_port "$n"))"
	(
		cd "$DIR/app$n"
		set -a; . "$DIR/secrets.env"; set +a
		unset SUBWATCH_CHECK_PASSWORD
		export SPRING_PROFILES_ACTIVE=mysql SUBWATCH_DB_USER=subwatch SERVER_PORT=$(app_port "$n") \
			SUBWATCH_MANAGEMENT_PORT=$(management_port "$n")
		# wsrep_sync_wait=1: a read waits until this Galera node applied every write the cluster committed before it,
		# so a page shows what the request before it wrote even right after the writer changed (docs/operations.md).
		export SUBWATCH_DB_URL="jdbc:mysql://127.0.0.1:$DB_FRONTEND/subwatch?rewriteBatchedStatements=true&characterEncoding=utf8&sessionVariables=wsrep_sync_wait=1"
		setsid java -Xmx512m -jar "$jar" </dev/null >>"$DIR/app$n.log" 2>&1 &
		echo $! >"$DIR/app$n.pid"
	)
}

apps_up() {
	local jar n
	jar=$(jar)
	# The first node creates the schema (Flyway) alone; the second starts once it is ready.
	for n in "${APPS[@]}"; do
		start_app "$n" "$jar"
		local deadline=$((SECONDS + 300))
		until app_ready "$n"; do
			alive "$DIR/app$n.pid" || die "app node $n exited; see $DIR/app$n.log"
			((SECONDS < deadline)) || die "app node $n is not ready after 300 s; see $DIR/app$n.log"
			sleep 1
		done
	done
	wait_for 10 curl -fsS -o /dev/null "http://127.0.0.1:$APP_FRONTEND/login" \
		|| die "the app frontend $APP_FRONTEND does not answer"
}

# --- commands -----------------------------------------------------------------------------------------------------
up() {
	preflight
	secrets
	galera_up
	haproxy_up
	apps_up
	say "up. Console: http://127.0.0.1:$APP_FRONTEND (admin, password SUBWATCH_ADMIN_PASSWORD in $DIR/secrets.env)"
	status
}

down() {
	local n
	for n in "${APPS[@]}"; do stop_pid "$DIR/app$n.pid" "app node $n"; done
	stop_pid "$DIR/haproxy.pid" "HAProxy"
	# One node after another; the last one to leave is marked safe to bootstrap the next `up` from.
	for n in 3 2 1; do stop_pid "$G/n$n.pid" "Galera node $n" 120; done
	say "down (data kept in $DIR; rm -rf it for a fresh cluster)"
}

status() {
	local n state size writer
	[[ -d $DIR ]] || { echo "no cluster in $DIR"; return 1; }
	for n in "${NODES[@]}"; do
		if node_running "$n"; then
			state=$(wsrep "$n" wsrep_local_state_comment); size=$(wsrep "$n" wsrep_cluster_size)
			printf 'galera n%s  port %s  running  %s, cluster size %s\n' "$n" "$(sql_port "$n")" "${state:-?}" "${size:-?}"
		else
			printf 'galera n%s  port %s  stopped\n' "$n" "$(sql_port "$n")"
		fi
	done
	if alive "$DIR/haproxy.pid"; then
		writer=$(mariadb --defaults-file="$DIR/check.cnf" -h127.0.0.1 -P$DB_FRONTEND -N -e 'SELECT @@port' 2>/dev/null || true)
		printf 'haproxy     port %s  running  database writer: %s\n' "$DB_FRONTEND" "${writer:-none answers}"
		printf 'haproxy     port %s  running  app: %s\n' "$APP_FRONTEND" \
			"$(curl -s -o /dev/null -w 'HTTP %{http_code}' "http://127.0.0.1:$APP_FRONTEND/login" || true)"
	else
		printf 'haproxy     ports %s/%s  stopped\n' "$DB_FRONTEND" "$APP_FRONTEND"
	fi
	for n in "${APPS[@]}"; do
		if alive "$DIR/app$n.pid"; then
			printf 'app%s        port %s  running  readiness %s\n' "$n" "$(app_port "$n")" \
				"$(curl -s "http://127.0.0.1:$(management_port "$n")/actuator/health/readiness" | grep -o '"status":"[A-Z]*"' | head -1 || true)"
		else
			printf 'app%s        port %s  stopped\n' "$n" "$(app_port "$n")"
		fi
	done
}

case ${1:-} in
	up) up ;;
	down) down ;;
	status) status ;;
	*) echo "usage: $0 up|down|status   (data in \$SUBWATCH_CLUSTER_DIR, default /tmp/subwatch-cluster)" >&2; exit 2 ;;
esac
