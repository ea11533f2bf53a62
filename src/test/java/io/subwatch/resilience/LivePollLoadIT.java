package io.subwatch.resilience;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.subwatch.ingest.AppJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load (issue 13): 500 browsers keep a running subscription's page open for 60 s. Each opened the page through a
 * share link (its own session), then polls the live fragment as htmx does, every 3 s with the change stamp of what it
 * shows ({@code v=}); a 200 brings a new stamp, a 204 means nothing changed. The simulator runs a 5,000-host task (100 hosts in flight)
 * meanwhile, so the page keeps changing. Error rate must be 0; the latencies and the 204 share are printed for
 * docs/benchmarks.md. A benchmark, not part of the build:
 * {@code ./mvnw -B -ntp -o verify -Pbench -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LivePollLoadIT}
 * ({@code -Dbench.browsers}, {@code -Dbench.seconds} change the load).
 */
@Tag("bench")
class LivePollLoadIT {

	private static final int BROWSERS = Integer.getInteger("bench.browsers", 500);

	private static final int SECONDS = Integer.getInteger("bench.seconds", 60);

	private static final long POLL_MS = 3000;

	private static final Pattern POLL_URL = Pattern.compile("hx-get=\"(/subscriptions/\\d+/counters[^\"]*)\"");

	private static final Pattern SHARE_URL = Pattern.compile("(/s/[A-Za-z0-9_-]+)");

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient browsers = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	/** One poll's outcome: status (0 for a failed exchange) and latency. */
	record Poll(int status, long nanos) {
	}

	@Test
	void fiveHundredBrowsersPollARunningSubscription() throws Exception {
		try (AppJvm app = AppJvm.start(Path.of("target/load-test/" + System.nanoTime()), "app.log", Map.of(),
				List.of("--subwatch.jobs.enabled=true", "--subwatch.demo.enabled=false",
						"--subwatch.simulator.enabled=true", "--subwatch.simulator.launch-interval=1h",
						"--subwatch.simulator.max-running-tasks=1", "--subwatch.simulator.min-hosts=5000",
						"--subwatch.simulator.max-hosts=5000", "--subwatch.simulator.max-in-flight=100",
						"--subwatch.ui.poll-interval=3s", "--server.tomcat.threads.max=200"))) {
			long subscription = awaitSimulatedSubscription(app);
			app.signIn();
			String page = "/subscriptions/" + subscription + "/share-links";
			assertThat(app.postForm(page, page, "days=1").statusCode()).isEqualTo(302);
			Matcher share = SHARE_URL.matcher(app.get(page).body());
			assertThat(share.find()).as("the new share link is shown").isTrue();
			List<Browser> open = openBrowsers(app, share.group(1), subscription);

			ConcurrentLinkedQueue<Poll> polls = new ConcurrentLinkedQueue<>();
			ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
			AtomicInteger inFlight = new AtomicInteger();
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
			long started = System.nanoTime();
			try {
				for (Browser browser : open) {
					long offset = ThreadLocalRandom.current().nextLong(POLL_MS);
					timer.schedule(() -> poll(app, browser, timer, polls, inFlight, end), offset,
							TimeUnit.MILLISECONDS);
				}
				while (System.nanoTime() < end || inFlight.get() > 0) {
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
				}
			}
			finally {
				timer.shutdownNow();
			}
			report(polls, (System.nanoTime() - started) / 1e9, serverTime(app));
		}
	}

	/** A browser: its session cookie and the poll URL with the stamp of what it shows. */
	static final class Browser {

		final String cookie;

		volatile String pollUrl;

		Browser(String cookie, String pollUrl) {
			this.cookie = cookie;
			this.pollUrl = pollUrl;
		}

	}

	private void poll(AppJvm app, Browser browser, ScheduledExecutorService timer, ConcurrentLinkedQueue<Poll> polls,
			AtomicInteger inFlight, long end) {
		if (System.nanoTime() >= end) {
			return;
		}
		inFlight.incrementAndGet();
		long sent = System.nanoTime();
		HttpRequest request = HttpRequest.newBuilder(app.uri(browser.pollUrl))
			.header("Cookie", browser.cookie)
			.header("HX-Request", "true")
			.timeout(Duration.ofSeconds(30))
			.build();
		CompletableFuture<HttpResponse<String>> answer = this.browsers.sendAsync(request,
				HttpResponse.BodyHandlers.ofString());
		answer.whenComplete((response, failure) -> {
			long took = System.nanoTime() - sent;
			int status = (failure == null) ? response.statusCode() : 0;
			polls.add(new Poll(status, took));
			if (status == 200) {
				Matcher next = POLL_URL.matcher(response.body());
				if (next.find()) {
					browser.pollUrl = next.group(1).replace("&amp;", "&");
				}
			}
			long wait = Math.max(0, TimeUnit.MILLISECONDS.toNanos(POLL_MS) - took);
			timer.schedule(() -> poll(app, browser, timer, polls, inFlight, end), wait, TimeUnit.NANOSECONDS);
			inFlight.decrementAndGet();
		});
	}

	/** Each browser opens the share link (a session of its own) and the page, which gives it the first poll URL. */
	private List<Browser> openBrowsers(AppJvm app, String shareLink, long subscription) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Browser>> opening = new ArrayList<>();
			for (int i = 0; i < BROWSERS; i++) {
				opening.add(pool.submit(() -> {
					HttpResponse<String> entered = this.browsers.send(HttpRequest.newBuilder(app.uri(shareLink)).build(),
							HttpResponse.BodyHandlers.ofString());
					String cookie = entered.headers()
						.allValues("Set-Cookie")
						.stream()
						.filter((c) -> c.startsWith("SESSION="))
						.map((c) -> c.substring(0, c.indexOf(';')))
						.findFirst()
						.orElseThrow(() -> new AssertionError("no session from the share link: " + entered.headers()));
					HttpResponse<String> page = this.browsers.send(
							HttpRequest.newBuilder(app.uri("/subscriptions/" + subscription)).header("Cookie", cookie).build(),
							HttpResponse.BodyHandlers.ofString());
					assertThat(page.statusCode()).isEqualTo(200);
					Matcher poll = POLL_URL.matcher(page.body());
					assertThat(poll.find()).as("the page polls while the task runs").isTrue();
					return new Browser(cookie, poll.group(1).replace("&amp;", "&"));
				}));
			}
			List<Browser> open = new ArrayList<>();
			for (Future<Browser> browser : opening) {
				open.add(browser.get(120, TimeUnit.SECONDS));
			}
			return open;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long awaitSimulatedSubscription(AppJvm app) throws Exception {
		String auth = "{\"bk_app_code\": \"crash-test\", \"bk_app_secret\": \"crash-test-secret-0123456789\"}";
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			JsonNode tasks = this.json.readTree(app.get("/api/v1/tasks?pending=true", "X-Bkapi-Authorization", auth)
				.body()).get("data");
			if (!tasks.isEmpty()) {
				return tasks.get(0).get("subscription_id").asLong();
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
		}
		throw new AssertionError("the simulator launched no task within 60 s");
	}

	/** The app's own timer of the poll route (request handling inside the server, without queueing for a thread). */
	private static String serverTime(AppJvm app) throws Exception {
		String text = app.management("/actuator/prometheus").body();
		double count = 0;
		double sum = 0;
		Matcher line = Pattern.compile("(?m)^http_server_requests_seconds_(count|sum)\\{[^}]*uri=\"/subscriptions/\\{id\\}"
				+ "/counters\"[^}]*\\} ([0-9.eE+-]+)$").matcher(text);
		while (line.find()) {
			if (line.group(1).equals("count")) {
				count += Double.parseDouble(line.group(2));
			}
			else {
				sum += Double.parseDouble(line.group(2));
			}
		}
		return "server time per poll (app's timer, mean over %.0f): %.1f ms".formatted(count,
				(count > 0) ? sum / count * 1000 : 0.0);
	}

	private static void report(ConcurrentLinkedQueue<Poll> polls, double seconds, String serverTime) {
		long[] nanos = polls.stream().mapToLong(Poll::nanos).sorted().toArray();
		long errors = polls.stream().filter((p) -> p.status() != 200 && p.status() != 204).count();
		long unchanged = polls.stream().filter((p) -> p.status() == 204).count();
		String figures = """
				live-poll load: %d browsers, %.0f s, %d polls (%.0f/s)
				errors: %d (%.2f %%)
				204 (unchanged): %.1f %%
				latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f
				%s""".formatted(BROWSERS, seconds, nanos.length,
				nanos.length / seconds, errors, 100.0 * errors / Math.max(1, nanos.length),
				100.0 * unchanged / Math.max(1, nanos.length), percentile(nanos, 50), percentile(nanos, 90),
				percentile(nanos, 99), (nanos.length > 0) ? nanos[nanos.length - 1] / 1e6 : 0.0, serverTime);
		System.out.println(figures);
		assertThat(nanos).as("polls").isNotEmpty();
		assertThat(errors).as("failed polls; " + figures + "; statuses "
				+ Arrays.toString(polls.stream().mapToInt(Poll::status).distinct().toArray())).isZero();
	}

	private static double percentile(long[] sorted, int percent) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

}
