package io.subwatch.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages as a signed-in operator's browser loads them: the result page (M7) and its live poll when nothing changed
 * (M8), whose throughput is compared with a trivial request through the same security chain.
 */
final class PageMeasurements {

	private final AppProcess app;

	private final LargeDataset.Generated data;

	private final HttpClient browser = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	PageMeasurements(AppProcess app, LargeDataset.Generated data) throws Exception {
		this.app = app;
		this.data = data;
		signIn();
	}

	/** Through the login form, as a browser: the form's CSRF token, then the POST. */
	private void signIn() throws Exception {
		String form = get("/login").body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String body = "username=admin&password=" + URLEncoder.encode(AppProcess.ADMIN_PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> answer = this.browser.send(HttpRequest.newBuilder(this.app.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in failed: " + answer.statusCode() + " " + location);
		}
	}

	HttpResponse<String> get(String path) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(this.app.uri(path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	String resultPage() {
		return "/subscriptions/" + this.data.subscriptionId() + "?task=" + this.data.taskId();
	}

	Stats page(int runs) throws Exception {
		HttpResponse<String> first = get(resultPage());
		if (first.statusCode() != 200 || !first.body().contains("id=\"counters\"")) {
			throw new IllegalStateException("the result page answered " + first.statusCode());
		}
		return Stats.steady(runs, () -> get(resultPage()));
	}

	/** The live poll URL the page carries while its task runs. */
	String pollUrl() throws Exception {
		Matcher poll = Pattern.compile("hx-get=\"(/subscriptions/\\d+/counters[^\"]*)\"").matcher(get(resultPage()).body());
		if (!poll.find()) {
			throw new IllegalStateException("the result page has no live poll (is its task running?)");
		}
		return poll.group(1).replace("&amp;", "&");
	}

	/** Requests per second of {@code path} from four clients for {@code seconds}, every answer checked. */
	double throughput(String path, int expectedStatus, int seconds) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(4);
		AtomicLong done = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<Future<?>> futures = new ArrayList<>();
		for (int c = 0; c < 4; c++) {
			futures.add(clients.submit(() -> {
				while (System.nanoTime() < end) {
					HttpResponse<String> answer = get(path);
					if (answer.statusCode() != expectedStatus) {
						throw new IllegalStateException(path + " answered " + answer.statusCode());
					}
					done.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		clients.shutdown();
		return done.get() / (double) seconds;
	}

	/** M8: the unchanged poll's throughput against a trivial redirect through the same filter chain. */
	String pollThroughput(int seconds) throws Exception {
		String poll = pollUrl();
		String trivial = "/language?lang=en&back=" + URLEncoder.encode(resultPage(), StandardCharsets.UTF_8);
		throughput(poll, 204, seconds);
		throughput(trivial, 302, seconds);
		double polls = throughput(poll, 204, seconds);
		double baseline = throughput(trivial, 302, seconds);
		return String.format(Locale.ROOT, "%s: %,.0f req/s unchanged polls (204) vs %,.0f req/s for a trivial redirect"
				+ " through the same chain = %.0f%%", (polls >= 0.7 * baseline) ? "met" : "**gap**", polls, baseline,
				100 * polls / baseline);
	}

}
