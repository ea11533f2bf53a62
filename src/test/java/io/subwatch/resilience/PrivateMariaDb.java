package io.subwatch.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own (Debian's {@code mariadbd}), on a port of 13307–13309 with a data directory
 * under /tmp, that the test may stop and start again; the shared server on 3306 is never touched. Initialised as
 * scripts/mariadb.sh initialises the shared one: a utf8mb4_bin database with its own user.
 */
final class PrivateMariaDb implements AutoCloseable {

	static final String DATABASE = "subwatch";

	private final Path dir;

	private final int port;

	private Process server;

	private PrivateMariaDb(Path dir, int port) {
		this.dir = dir;
		this.port = port;
	}

	static boolean installed() {
		return Files.isExecutable(Path.of("/usr/sbin/mariadbd")) && Files.isExecutable(Path.of("/usr/bin/mariadb"))
				&& Files.isExecutable(Path.of("/usr/bin/mariadb-install-db"));
	}

	/** Initialises a data directory, starts the server and creates the database and its user. */
	static PrivateMariaDb create() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("/tmp"), "h4res-mariadb-");
		PrivateMariaDb db = new PrivateMariaDb(dir, freePort());
		List<String> install = new ArrayList<>(List.of("/usr/bin/mariadb-install-db", "--no-defaults",
				"--datadir=" + dir.resolve("data"), "--auth-root-authentication-method=socket", "--skip-test-db"));
		if (root()) {
			install.add("--user=root");
		}
		db.run(install, "install.log");
		db.start();
		db.run(List.of("/usr/bin/mariadb", "--no-defaults", "--socket=" + db.socket(), "-uroot", "-e",
				"CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
						+ " CREATE USER 'subwatch'@'127.0.0.1' IDENTIFIED BY 'subwatch';"
						+ " GRANT ALL ON " + DATABASE + ".* TO 'subwatch'@'127.0.0.1';"),
				"create.log");
		return db;
	}

	String jdbcUrl() {
		return "jdbc:mysql://127.0.0.1:" + this.port + "/" + DATABASE
				+ "?rewriteBatchedStatements=true&characterEncoding=utf8&connectTimeout=2000";
	}

	/** Starts the server on the same data directory and port, and waits until it answers. */
	void start() throws Exception {
		List<String> command = new ArrayList<>(List.of("/usr/sbin/mariadbd", "--no-defaults",
				"--datadir=" + this.dir.resolve("data"), "--port=" + this.port, "--bind-address=127.0.0.1",
				"--socket=" + socket(), "--pid-file=" + this.dir.resolve("mariadbd.pid"), "--skip-log-bin",
				"--innodb-buffer-pool-size=64M", "--log-error=" + this.dir.resolve("error.log")));
		if (root()) {
			command.add("--user=root");
		}
		this.server = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dir.resolve("server.log").toFile()))
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			if (!this.server.isAlive()) {
				throw new IllegalStateException("mariadbd exited; see " + this.dir.resolve("error.log"));
			}
			Process ping = new ProcessBuilder("/usr/bin/mariadb-admin", "--no-defaults", "--socket=" + socket(), "-uroot",
					"ping").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			if (ping.waitFor() == 0) {
				return;
			}
			this.server.waitFor(100, TimeUnit.MILLISECONDS);
		}
		throw new IllegalStateException("mariadbd did not answer within 60 s; see " + this.dir.resolve("error.log"));
	}

	/** Stops the server (SIGTERM, as an operator or a failover would) and waits until it has exited. */
	void stop() throws InterruptedException {
		this.server.destroy();
		if (!this.server.waitFor(60, TimeUnit.SECONDS)) {
			this.server.destroyForcibly().waitFor();
		}
	}

	@Override
	public void close() throws Exception {
		if (this.server != null && this.server.isAlive()) {
			stop();
		}
		try (var files = Files.walk(this.dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

	private Path socket() {
		return this.dir.resolve("mariadbd.sock");
	}

	private void run(List<String> command, String log) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve(log).toFile())
			.start();
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(command.get(0) + " failed; see " + this.dir.resolve(log));
		}
	}

	private static boolean root() {
		return "root".equals(System.getProperty("user.name"));
	}

	/** The first free port of 13307–13309 (the range this suite may use). */
	private static int freePort() throws IOException {
		for (int port = 13307; port <= 13309; port++) {
			try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
				return port;
			}
			catch (IOException taken) {
				// the next one
			}
		}
		throw new IOException("ports 13307-13309 are all taken");
	}

}
