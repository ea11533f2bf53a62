# Shared by test.sh and bench/run.sh (source it): makes sure a MySQL-protocol server answers on 127.0.0.1:3306,
# installing and starting Debian's MariaDB as root where none does, and recreates a database with its own user.
#   mariadb_ready            start the server if needed (sets STARTED_MARIADB=yes when this script started it)
#   mariadb_database N U P   drop and create database N, owned by user U with password P
#   mariadb_stop             stop the server if this script started it

STARTED_MARIADB=""

mariadb_ready() {
  if mariadb-admin --protocol=tcp -h 127.0.0.1 -P 3306 ping >/dev/null 2>&1 || mariadb-admin ping >/dev/null 2>&1; then
    mariadb_connections
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "no MySQL server answers on 127.0.0.1:3306 and starting one needs root." >&2
    return 1
  fi
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  local daemon
  daemon=$(command -v mariadbd || echo /usr/sbin/mariadbd)
  start-stop-daemon --start --oknodo --background --exec "$daemon" -- --user=mysql --bind-address=127.0.0.1 --port=3306
  for _ in $(seq 1 120); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 0.25; done
  mariadb-admin ping >/dev/null 2>&1 || { echo "MariaDB did not start" >&2; return 1; }
  STARTED_MARIADB=yes
  mariadb_connections
}

# The suites keep many applications (each with its connection pool) alive at once: room for them all.
mariadb_connections() {
  [ "$(id -u)" = 0 ] && mariadb -e "SET GLOBAL max_connections = GREATEST(@@max_connections, 1000)" >/dev/null 2>&1 || true
}

mariadb_database() {
  local name=$1 user=$2 password=$3
  if [ "$(id -u)" != 0 ]; then
    echo "not root: assuming database $name and user $user exist" >&2
    return 0
  fi
  mariadb -e "DROP DATABASE IF EXISTS ${name};
    CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    CREATE USER IF NOT EXISTS '${user}'@'127.0.0.1' IDENTIFIED BY '${password}';
    CREATE USER IF NOT EXISTS '${user}'@'localhost' IDENTIFIED BY '${password}';
    GRANT ALL ON ${name}.* TO '${user}'@'127.0.0.1';
    GRANT ALL ON ${name}.* TO '${user}'@'localhost';
    FLUSH PRIVILEGES;"
}

mariadb_stop() {
  if [ -n "$STARTED_MARIADB" ] && [ -f /run/mysqld/mysqld.pid ]; then
    kill "$(cat /run/mysqld/mysqld.pid)" 2>/dev/null || true
  fi
}
