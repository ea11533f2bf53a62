package io.subwatch.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Runs before anything opens the embedded database (logging and the context are set up, nothing refreshed): creates
 * the folder (0700) and the file (0600) owner-only, since H2 would create them readable by everyone; refuses an
 * empty file, in which H2 would silently start a new database; refuses a file another process holds, and one H2
 * cannot read, so the operator reads one line instead of a failed context. Failures become one message through
 * {@link DatabaseFileFailureAnalyzer}.
 */
class H2FilesCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		String url = environment.getProperty("spring.datasource.url");
		H2File.of(url).ifPresent((h2) -> {
			// a database kept open after its last connection (DB_CLOSE_DELAY) would stay open read-only
			if (check(h2) && !h2.settings().contains(";DB_CLOSE_DELAY")) {
				probeReadable(h2, url, environment.getProperty("spring.datasource.username", "sa"),
						environment.getProperty("spring.datasource.password", ""));
			}
		});
	}

	/**
	 * Prepares the file's folder and refuses an empty or held file.
	 * @return whether a database file was there already (so it can be read before the context uses it)
	 */
	static boolean check(H2File h2) {
		Path file = h2.dataFile();
		boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
		try {
			if (!Files.exists(file.getParent())) {
				if (posix) {
					Files.createDirectories(file.getParent(),
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
				}
				else {
					Files.createDirectories(file.getParent());
				}
			}
			if (!Files.exists(file)) {
				// H2 takes an empty file for a new database and writes into it with the permissions it has.
				if (posix && !h2.mustExist()) {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				}
				return false;
			}
			if (Files.size(file) == 0) {
				throw new DatabaseFileProblem.Found(DatabaseFileProblem.EMPTY, file);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not prepare the embedded database file " + file + ": " + ex, ex);
		}
		if (h2.sharedByServer()) {
			return false;
		}
		probeLock(file);
		return true;
	}

	/**
	 * Opens the existing database read-only once, before Flyway and the pool do, so a corrupted file is refused here
	 * with one message rather than deep inside a failed context refresh (whose warning quotes Flyway's error block).
	 * Read-only: the probe writes nothing and compacts nothing on close; it costs one open of the file's header and
	 * chunk index. Other errors (a wrong password, say) are left to the real open, which reports them as it does.
	 */
	static void probeReadable(H2File h2, String url, String user, String password) {
		try (Connection probe = DriverManager.getConnection(url + ";ACCESS_MODE_DATA=r", user, password)) {
			probe.isValid(1);
		}
		catch (SQLException ex) {
			if (DatabaseFileProblem.ofH2ErrorCode(ex.getErrorCode()).orElse(null) == DatabaseFileProblem.CORRUPTED) {
				throw new DatabaseFileProblem.Found(DatabaseFileProblem.CORRUPTED, h2.dataFile());
			}
		}
	}

	/**
	 * H2 holds an exclusive lock on the file while a process has it open. The probe runs before this JVM opens the
	 * database: closing a channel drops every lock the JVM holds on the file, so it must never run after H2 opened it.
	 */
	private static void probeLock(Path file) {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				throw new DatabaseFileProblem.Found(DatabaseFileProblem.IN_USE, file);
			}
			lock.release();
		}
		catch (OverlappingFileLockException ex) {
			throw new DatabaseFileProblem.Found(DatabaseFileProblem.IN_USE, file);
		}
		catch (IOException ex) {
			// not writable by us, or locking unsupported here: H2 reports what it finds when it opens the file
		}
	}

}
