package io.subwatch.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DatabaseFileFailureAnalyzerTest {

	@TempDir
	Path dir;

	@Test
	void aCheckFindingIsExplainedWithItsFile() {
		Path file = this.dir.resolve("subwatch.mv.db");
		FailureAnalysis analysis = new DatabaseFileFailureAnalyzer(null)
			.analyze(new DatabaseFileProblem.Found(DatabaseFileProblem.EMPTY, file));
		assertThat(analysis.getDescription()).isEqualTo("The embedded database file " + file
				+ " is empty (0 bytes): it was truncated or never written, and H2 would silently start a new database in it.");
		assertThat(analysis.getAction()).startsWith("Restore it from a backup, or delete it");
		assertThat(analysis.getDescription()).doesNotContain("\n");
	}

	@Test
	void aCorruptedFileAsH2ReportsItDeepInTheContextFailure() throws Exception {
		Path file = this.dir.resolve("subwatch.mv.db");
		byte[] garbage = new byte[16_384];
		new java.util.Random(11).nextBytes(garbage);
		Files.write(file, garbage);
		String url = "jdbc:h2:file:" + this.dir.resolve("subwatch");
		SQLException h2 = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url, "sa", ""));
		assertThat(h2.getErrorCode()).isEqualTo(90030);
		Throwable startUp = new BeanCreationException("flywayInitializer", "Unable to obtain connection", h2);
		FailureAnalysis analysis = new DatabaseFileFailureAnalyzer(
				new MockEnvironment().withProperty("spring.datasource.url", url + ";MODE=MySQL"))
			.analyze(startUp);
		assertThat(analysis.getDescription())
			.isEqualTo("The embedded database file " + file + " is corrupted and cannot be read.");
		assertThat(analysis.getAction()).startsWith("Restore it from a backup");
	}

	@Test
	void aDatabaseInUseIsNamedFromH2sMessageWhenThereIsNoEnvironment() {
		SQLException inUse = new org.h2.jdbc.JdbcSQLNonTransientConnectionException(
				"Database may be already in use: \"/srv/data/subwatch.mv.db\". Possible solutions: close all other "
						+ "connection(s); use the server mode [90020-240]",
				null, "90020", 90020, null, null);
		FailureAnalysis analysis = new DatabaseFileFailureAnalyzer(null)
			.analyze(new IllegalStateException("start-up failed", inUse));
		assertThat(analysis.getDescription()).isEqualTo("The embedded database file /srv/data/subwatch.mv.db is in use "
				+ "by another process (another subwatch, or a tool that has it open).");
		assertThat(analysis.getAction()).startsWith("Stop the other process");
	}

	@Test
	void otherFailuresAreLeftToOtherAnalyzers() {
		DatabaseFileFailureAnalyzer analyzer = new DatabaseFileFailureAnalyzer(null);
		assertThat(analyzer.analyze(new IllegalStateException("something else"))).isNull();
		assertThat(analyzer.analyze(new SQLException("Access denied for user", "28000", 1045))).isNull();
		assertThat(analyzer.analyze(new SQLException("not H2", "HY000", 90020))).isNull();
	}

}
