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

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs before anything opens the embedded database (logging and the context are set up, nothing refreshed): creates
 * the folder (0700) and the file (0600) owner-only, since H2 would create them readable by everyone; refuses an
 * empty file, in which H2 would silently start a new database; and refuses a file another process holds, so the
 * operator reads one line instead of a failed context. Failures become one message through
 * {@link DatabaseFileFailureAnalyzer}.
 */
class H2FilesCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		H2File.of(context.getEnvironment().getProperty("spring.datasource.url")).ifPresent(H2FilesCheck::check);
	}

	static void check(H2File h2) {
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
				return;
			}
			if (Files.size(file) == 0) {
				throw new DatabaseFileProblem.Found(DatabaseFileProblem.EMPTY, file);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not prepare the embedded database file " + file + ": " + ex, ex);
		}
		if (!h2.sharedByServer()) {
			probeLock(file);
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
