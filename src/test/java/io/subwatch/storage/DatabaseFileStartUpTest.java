package io.subwatch.storage;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.subwatch.SubwatchApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app itself refusing to start on a bad database file: Boot's failure report, no stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseFileStartUpTest {

	@TempDir
	Path dir;

	private void start() {
		new SpringApplicationBuilder(SubwatchApplication.class).run("--spring.datasource.url=jdbc:h2:file:"
				+ this.dir.resolve("data/subwatch") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--server.port=0", "--subwatch.jobs.enabled=false", "--subwatch.demo.enabled=false",
				"--subwatch.simulator.enabled=false");
	}

	@Test
	void anEmptyDatabaseFileStopsStartUpWithOneMessage(CapturedOutput output) throws Exception {
		Path file = Files.createDirectories(this.dir.resolve("data")).resolve("subwatch.mv.db");
		Files.createFile(file);
		assertThatThrownBy(this::start).isInstanceOf(DatabaseFileProblem.Found.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The embedded database file " + file.toAbsolutePath() + " is empty (0 bytes)")
			.contains("Restore it from a backup, or delete it to start with a new, empty database.")
			.doesNotContain("\tat ")
			.doesNotContain("Exception encountered during context initialization");
		assertThat(Files.size(file)).isZero();
	}

	@Test
	void aCorruptedDatabaseFileStopsStartUpWithOneMessage(CapturedOutput output) throws Exception {
		Path file = Files.createDirectories(this.dir.resolve("data")).resolve("subwatch.mv.db");
		byte[] garbage = new byte[16_384];
		new java.util.Random(11).nextBytes(garbage);
		Files.write(file, garbage);
		assertThatThrownBy(this::start).isInstanceOf(DatabaseFileProblem.Found.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The embedded database file " + file.toAbsolutePath() + " is corrupted and cannot be read.")
			.doesNotContain("\tat ")
			.doesNotContain("Exception encountered during context initialization");
		assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
	}

	@Test
	void aDatabaseFileHeldByAnotherProcessStopsStartUpWithOneMessage(CapturedOutput output) throws Exception {
		Path file = Files.createDirectories(this.dir.resolve("data")).resolve("subwatch.mv.db");
		Files.writeString(file, "held by someone else");
		try (FileChannel holder = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
				var lock = holder.lock()) {
			assertThatThrownBy(this::start).isInstanceOf(DatabaseFileProblem.Found.class);
		}
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The embedded database file " + file.toAbsolutePath() + " is in use by another process")
			.doesNotContain("\tat ");
	}

}
