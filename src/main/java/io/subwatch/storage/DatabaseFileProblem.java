package io.subwatch.storage;

import java.nio.file.Path;
import java.util.Optional;

/** Why the embedded database file cannot be opened, and what the operator does about it. */
enum DatabaseFileProblem {

	EMPTY("is empty (0 bytes): it was truncated or never written, and H2 would silently start a new database in it",
			"Restore it from a backup, or delete it to start with a new, empty database."),

	IN_USE("is in use by another process (another subwatch, or a tool that has it open)",
			"Stop the other process and start again, or point spring.datasource.url at another file."),

	CORRUPTED("is corrupted and cannot be read",
			"Restore it from a backup (H2's Recover tool may save some of its data), or move it away to start with a"
					+ " new, empty database.");

	private final String what;

	private final String action;

	DatabaseFileProblem(String what, String action) {
		this.what = what;
		this.action = action;
	}

	/** The problem H2 reports with this error code (see org.h2.api.ErrorCode), if it is one of the file's. */
	static Optional<DatabaseFileProblem> ofH2ErrorCode(int code) {
		return switch (code) {
			case 90020 -> Optional.of(IN_USE); // DATABASE_ALREADY_OPEN_1
			case 90030 -> Optional.of(CORRUPTED); // FILE_CORRUPTED_1
			default -> Optional.empty();
		};
	}

	/** One line: what happened, to which file. */
	String describe(String file) {
		return "The embedded database file " + file + " " + this.what + ".";
	}

	String action() {
		return this.action;
	}

	/** Thrown before the database is opened when a check finds the problem. */
	static final class Found extends IllegalStateException {

		private final DatabaseFileProblem problem;

		private final Path file;

		Found(DatabaseFileProblem problem, Path file) {
			super(problem.describe(file.toString()) + " " + problem.action());
			this.problem = problem;
			this.file = file;
		}

		DatabaseFileProblem problem() {
			return this.problem;
		}

		Path file() {
			return this.file;
		}

	}

}
