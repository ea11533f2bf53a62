package io.subwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How the packaged app is started: plain {@code java -jar}, or the way the Docker image starts it, from the extracted
 * jar with a class-data-sharing archive made by a training run (Spring Boot's documented start-up optimisation:
 * the JVM maps the classes the app loaded during the training run instead of loading and verifying them again).
 */
record Launch(String name, List<String> jvmArguments) {

	/** A throwaway database for the training run, in the app's own H2 settings. */
	static final String TRAINING_DATABASE = "jdbc:h2:mem:training;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	static Launch plain(Path jar) {
		return new Launch("java -jar", List.of("-jar", jar.toAbsolutePath().toString()));
	}

	/** Extracts {@code jar} under {@code dir} and records the archive with a training run that stops after refresh. */
	static Launch archived(Path jar, Path dir) throws IOException, InterruptedException {
		Path extracted = dir.toAbsolutePath();
		Path application = extracted.resolve(jar.getFileName());
		Path archive = extracted.resolve("application.jsa");
		Files.createDirectories(extracted);
		run(dir, List.of(java(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
				"--destination", extracted.toString(), "--force"));
		Files.deleteIfExists(archive);
		run(dir, List.of(java(), "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
				application.toString(), "--spring.datasource.url=" + TRAINING_DATABASE, "--subwatch.jobs.enabled=false",
				"--subwatch.demo.enabled=false", "--subwatch.simulator.enabled=false"));
		if (!Files.exists(archive)) {
			throw new IllegalStateException("the training run wrote no " + archive + "; see " + dir.resolve("run.log"));
		}
		return new Launch("class-data archive",
				List.of("-XX:SharedArchiveFile=" + archive, "-jar", application.toString()));
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("run.log").toFile()))
			.start();
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("run.log"));
		}
	}

}
