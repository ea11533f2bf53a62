package io.subwatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged app in its own JVM, as operators run it, on the benchmark's database. */
final class AppProcess implements AutoCloseable {

	static final String APP_CODE = "bench";

	static final String APP_SECRET = "bench-secret-0123456789abcdef";

	static final String ADMIN_PASSWORD = "bench-admin-password";

	static final String AUTH = "{\"bk_app_code\": \"" + APP_CODE + "\", \"bk_app_secret\": \"" + APP_SECRET
			+ "\", \"bk_username\": \"bench\"}";

	private final Process process;

	private final Path log;

	final int port;

	final Duration startup;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/** Profiles of this JVM, one per measurement, named after the database and heap. */
	final Profiles profiles;

	private AppProcess(Process process, Path log, int port, Duration startup, Profiles profiles) {
		this.process = process;
		this.log = log;
		this.port = port;
		this.startup = startup;
		this.profiles = profiles;
	}

	static AppProcess start(Launch launch, BenchDatabase db, String heap, Path workDir, String... extraArgs)
			throws Exception {
		int port;
		int managementPort;
		try (ServerSocket socket = new ServerSocket(0); ServerSocket management = new ServerSocket(0)) {
			port = socket.getLocalPort();
			managementPort = management.getLocalPort();
		}
		return start(launch, db, heap, workDir, port, managementPort, extraArgs);
	}

	/** As {@link #start(Launch, BenchDatabase, String, Path, String...)}, on the given ports. */
	static AppProcess start(Launch launch, BenchDatabase db, String heap, Path workDir, int port, int managementPort,
			String... extraArgs) throws Exception {
		Files.createDirectories(workDir);
		Path log = workDir.resolve("app-" + db.name() + "-" + heap + ((extraArgs.length > 0) ? "-simulating" : "")
				+ ".log");
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("--server.port", String.valueOf(port));
		// actuator (and its health probe below) on a free port of its own, never the default 8081 another app holds
		arguments.put("--management.server.port", String.valueOf(managementPort));
		arguments.put("--spring.datasource.url", db.url());
		arguments.put("--spring.datasource.username", db.user());
		arguments.put("--spring.datasource.password", (db.password() != null) ? db.password() : "");
		arguments.put("--subwatch.jobs.enabled", "false");
		arguments.put("--subwatch.demo.enabled", "false");
		arguments.put("--subwatch.simulator.enabled", "false");
		for (String extra : extraArgs) {
			arguments.put(extra.substring(0, extra.indexOf('=')), extra.substring(extra.indexOf('=') + 1));
		}
		List<String> command = new ArrayList<>(List.of(Launch.java(), "-Xmx" + heap));
		command.addAll(launch.jvmArguments());
		arguments.forEach((name, value) -> command.add(name + "=" + value));
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("SUBWATCH_API_APP_CODE", APP_CODE);
		builder.environment().put("SUBWATCH_API_APP_SECRET", APP_SECRET);
		builder.environment().put("SUBWATCH_ADMIN_PASSWORD", ADMIN_PASSWORD);
		long started = System.nanoTime();
		Process process = builder.start();
		HttpClient probe = HttpClient.newHttpClient();
		URI health = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health");
		for (int attempt = 0; attempt < 1200; attempt++) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the app exited; see " + log);
			}
			try {
				HttpResponse<String> response = probe.send(HttpRequest.newBuilder(health).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("UP")) {
					return new AppProcess(process, log, port, Duration.ofNanos(System.nanoTime() - started),
							new Profiles(process.pid(), workDir.resolve("jfr"), db.name() + "-" + heap));
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		process.destroyForcibly();
		throw new IllegalStateException("the app did not become healthy in 60 s; see " + log);
	}

	/** What Spring Boot itself reports: "Started SubwatchApplication in N seconds". */
	String startedLine() throws IOException {
		Matcher matcher = Pattern.compile("Started SubwatchApplication in ([0-9.]+) seconds").matcher(Files.readString(this.log));
		return matcher.find() ? matcher.group(1) + " s" : "?";
	}

	/** CPU time the app's JVM has used so far (all its threads), as the operating system counts it. */
	Duration cpuTime() {
		return this.process.info().totalCpuDuration().orElseThrow(
				() -> new IllegalStateException("this platform does not report a process's CPU time"));
	}

	URI uri(String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + this.port + pathAndQuery);
	}

	byte[] post(String path, String json) throws Exception {
		HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("X-Bkapi-Authorization", AUTH)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return response.body();
	}

	/** POSTs and reads the answer as a stream, returning the number of bytes. */
	long postCounting(String path, String json) throws Exception {
		HttpResponse<InputStream> response = this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("X-Bkapi-Authorization", AUTH)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		long bytes = 0;
		byte[] buffer = new byte[65_536];
		try (InputStream in = response.body()) {
			for (int n; (n = in.read(buffer)) > 0;) {
				bytes += n;
			}
		}
		return bytes;
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
