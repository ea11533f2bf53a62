package io.subwatch.storage;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns a start-up that failed on the embedded database file (empty, in use, corrupted) into Spring Boot's
 * "APPLICATION FAILED TO START" report: one line on what happened, one on what to do, and no stack trace (Boot
 * logs the trace only at debug level once an analyzer explains the failure).
 */
class DatabaseFileFailureAnalyzer implements FailureAnalyzer {

	/** H2 names the file in double quotes: {@code Database may be already in use: "/x/subwatch.mv.db". …}. */
	private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

	private final Environment environment;

	/** @param environment the app's environment, or null when start-up failed before there was a context */
	DatabaseFileFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DatabaseFileProblem.Found found) {
				return analysis(found.problem(), found.file().toString(), found);
			}
			if (cause instanceof SQLException sql) {
				Optional<DatabaseFileProblem> problem = DatabaseFileProblem.ofH2ErrorCode(sql.getErrorCode());
				if (problem.isPresent() && sql.getClass().getName().startsWith("org.h2.")) {
					return analysis(problem.get(), file(sql), sql);
				}
			}
		}
		return null;
	}

	private static FailureAnalysis analysis(DatabaseFileProblem problem, String file, Throwable cause) {
		return new FailureAnalysis(problem.describe(file), problem.action(), cause);
	}

	private String file(SQLException sql) {
		if (this.environment != null) {
			Optional<H2File> h2 = H2File.of(this.environment.getProperty("spring.datasource.url"));
			if (h2.isPresent()) {
				return h2.get().dataFile().toString();
			}
		}
		Matcher quoted = QUOTED.matcher(String.valueOf(sql.getMessage()));
		return quoted.find() ? quoted.group(1) : "of spring.datasource.url";
	}

}
