package io.subwatch.ingest;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged app in a JVM of its own, started as operators start it ({@code java -jar}) in a working directory of
 * the test's, so the embedded default's {@code ./data} is the test's. {@link #kill()} is a real {@code kill -9}: the
 * process is the java process itself, not a shell around it. Pages are read as the first admin, signed in through
 * the login form ({@link #signIn()}); the session cookie is kept for later requests.
 */
public final class AppJvm implements AutoCloseable {

	static final String APP_CODE = "crash-test";

	static final String APP_SECRET = "crash-test-secret-0123456789";

	static final String ADMIN_PASSWORD = "crash-test-admin-password";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String AUTH = "{\"bk_app_code\": \"" + APP_CODE + "\", \"bk_app_secret\": \"" + APP_SECRET
			+ "\", \"bk_username\": \"crash\"}";

	private final Process process;

	private final int port;

	private final int managementPort;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private AppJvm(Process process, int port, int managementPort) {
		this.process = process;
		this.port = port;
		this.managementPort = managementPort;
	}

	/** Starts the jar in {@code workDir} with {@code environment} added, and waits until it is healthy. */
	public static AppJvm start(Path workDir, String logName, Map<String, String> environment) throws Exception {
		return start(workDir, logName, environment, List.of("--subwatch.jobs.enabled=false",
				"--subwatch.demo.enabled=false", "--subwatch.simulator.enabled=false"));
	}

	/** Starts the jar with {@code arguments} (settings such as {@code --subwatch.jobs.enabled=true}) instead. */
	public static AppJvm start(Path workDir, String logName, Map<String, String> environment, List<String> arguments)
			throws Exception {
		int port = freePort();
		// actuator answers on the management port only; a free one, so no other app on this machine is in the way
		int managementPort = freePort();
		Files.createDirectories(workDir);
		Path log = workDir.resolve(logName);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(), "--server.port=" + port,
				"--management.server.port=" + managementPort));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		builder.environment().put("SUBWATCH_API_APP_CODE", APP_CODE);
		builder.environment().put("SUBWATCH_API_APP_SECRET", APP_SECRET);
		builder.environment().put("SUBWATCH_ADMIN_PASSWORD", ADMIN_PASSWORD);
		AppJvm app = new AppJvm(builder.start(), port, managementPort);
		URI health = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline) {
			if (!app.process.isAlive()) {
				throw new IllegalStateException("the app exited while starting; see " + log);
			}
			try {
				HttpResponse<String> answer = app.http.send(HttpRequest.newBuilder(health).build(),
						HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().contains("UP")) {
					return app;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			app.process.waitFor(50, TimeUnit.MILLISECONDS);
		}
		app.process.destroyForcibly();
		throw new IllegalStateException("the app was not healthy within 90 s; see " + log);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((p) -> p.getFileName().toString().matches("subwatch-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("package the app first (mvn package)"))
				.toAbsolutePath();
		}
	}

	/** The address of {@code path} on the app's main port. */
	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** POSTs JSON with the application's credentials; the answer's status and body. */
	public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("X-Bkapi-Authorization", AUTH)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** GETs a page or fragment with the session cookie, if signed in; {@code headers} as name, value, … */
	public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** GETs an actuator endpoint on the management port ({@code /actuator/health}, …). */
	public HttpResponse<String> management(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path))
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Signs in as the first admin through the login form; the session cookie is kept for {@link #get}. */
	public void signIn() throws IOException, InterruptedException {
		Matcher token = CSRF.matcher(get("/login").body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in failed: " + answer.statusCode() + " " + answer.headers().map());
		}
	}

	/**
	 * Submits a form of the signed-in session: reads the CSRF token from {@code formPage}, then POSTs {@code fields}
	 * (already URL-encoded, {@code a=1&b=2}) with it to {@code path}.
	 */
	public HttpResponse<String> postForm(String formPage, String path, String fields)
			throws IOException, InterruptedException {
		Matcher token = CSRF.matcher(get(formPage).body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on " + formPage);
		}
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					fields + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** SIGKILL to the app's own process, then its exit code (137 = 128 + 9 on POSIX). */
	public int kill() throws InterruptedException {
		this.process.toHandle().destroyForcibly();
		return this.process.waitFor();
	}

	/** The executable of the process that {@link #kill()} kills: the JVM's own java binary. */
	public String executable() {
		return this.process.info().command().orElse("?");
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
	}

}
