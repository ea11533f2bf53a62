package io.subwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The database a benchmark run uses: an H2 file under target/ or a MySQL/MariaDB database named by
 * {@code SUBWATCH_BENCH_MYSQL_URL} (recreated at each run; its user needs the right to drop and create it).
 */
record BenchDatabase(String name, String url, String user, String password) {

	static BenchDatabase h2(Path dir) {
		return new BenchDatabase("H2", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("subwatch")
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;WRITE_DELAY=0", "sa", "");
	}

	static BenchDatabase mysql() {
		String url = System.getenv("SUBWATCH_BENCH_MYSQL_URL");
		if (url == null) {
			throw new IllegalStateException("SUBWATCH_BENCH_MYSQL_URL is not set (bench/run.sh sets it)");
		}
		return new BenchDatabase("MySQL", url, System.getenv("SUBWATCH_BENCH_MYSQL_USER"),
				System.getenv("SUBWATCH_BENCH_MYSQL_PASSWORD"));
	}

	/** Starts empty: deletes the H2 files, or drops and creates the MySQL schema. */
	void reset() throws IOException, SQLException {
		if (this.name.equals("H2")) {
			Path dir = Path.of(this.url.substring("jdbc:h2:file:".length(), this.url.indexOf(';'))).getParent();
			if (Files.exists(dir)) {
				try (Stream<Path> files = Files.walk(dir)) {
					files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
				}
			}
			Files.createDirectories(dir);
			return;
		}
		String schema = this.url.substring(this.url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		String server = this.url.substring(0, this.url.lastIndexOf('/') + 1);
		try (Connection connection = DriverManager.getConnection(server, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + schema);
			statement.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		}
	}

	String version() {
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password)) {
			return connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			return this.name;
		}
	}

}
