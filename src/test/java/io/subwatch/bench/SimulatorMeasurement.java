package io.subwatch.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo executor at scale (issue 4): the app runs its simulator over a task of many agent installs (8 sub-steps
 * each), and meanwhile task_result page 1 of the large task is timed, to show whether the pages slow down.
 */
final class SimulatorMeasurement {

	private static final Pattern COUNTER = Pattern.compile("\"(PENDING|RUNNING)\":(\\d+)");

	private final AppProcess app;

	private final LargeDataset.Generated data;

	SimulatorMeasurement(AppProcess app, LargeDataset.Generated data) {
		this.app = app;
		this.data = data;
	}

	String run(long simulatorSubscription, int hosts, int maxSeconds, Stats idle) throws Exception {
		String pageOne = "{\"subscription_id\": %d, \"task_id_list\": [%d], \"page\": 1, \"pagesize\": 50}"
			.formatted(this.data.subscriptionId(), this.data.taskId());
		String progress = "{\"subscription_id\": %d, \"pagesize\": 1}".formatted(simulatorSubscription);
		Stats during = new Stats();
		long start = System.nanoTime();
		long left = hosts;
		while (left > 0 && System.nanoTime() - start < maxSeconds * 1_000_000_000L) {
			long before = System.nanoTime();
			this.app.post("/backend/api/subscription/task_result/", pageOne);
			during.add(System.nanoTime() - before);
			left = active(new String(this.app.post("/backend/api/subscription/task_result/", progress)));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long finished = hosts - left;
		return String.format(Locale.ROOT, "the simulator finished %,d of %,d hosts × 8 sub-steps in %.0f s (%,.0f hosts/s,"
				+ " about %,.0f events/s); task_result page 1 of the large task meanwhile: median %s ms, p95 %s ms"
				+ " (idle: median %s ms)", finished, hosts, seconds, finished / seconds, finished * 16 / seconds,
				Stats.ms(during.median()), Stats.ms(during.p95()), Stats.ms(idle.median()));
	}

	private static long active(String answer) {
		long active = 0;
		Matcher matcher = COUNTER.matcher(answer);
		while (matcher.find()) {
			active += Long.parseLong(matcher.group(2));
		}
		return active;
	}

}
