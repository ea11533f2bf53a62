package io.subwatch.cluster;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;

/**
 * The load: a subscription with one task of {@code hosts} hosts declared through the app frontend, two event writers
 * that report every host (two sub-steps, four events each, one host in ten failing) in batches they send again until
 * acknowledged, and one reader per app node reading the subscription's page, its counters and task_result.
 */
final class ClusterLoad {

	static final int HOSTS_PER_BATCH = 250;

	final Tally tally = new Tally();

	final AtomicInteger acknowledgedBatches = new AtomicInteger();

	final AtomicInteger acknowledgedEvents = new AtomicInteger();

	final int hosts;

	long subscriptionId;

	long taskId;

	long[] recordIds;

	private final ClusterHttp frontend;

	private final AtomicBoolean writing = new AtomicBoolean(true);

	ClusterLoad(ClusterHttp frontend, int hosts) {
		this.frontend = frontend;
		this.hosts = hosts;
	}

	int batches() {
		return (this.hosts + HOSTS_PER_BATCH - 1) / HOSTS_PER_BATCH;
	}

	void declare() throws Exception {
		this.subscriptionId = send("declare", "/api/v1/subscriptions", """
				{"name": "cluster test %s", "bk_biz_id": 4, "object_type": "HOST", "node_type": "INSTANCE",
				 "category": "once", "steps": [{"id": "agent", "type": "AGENT"}]}
				""".formatted(OffsetDateTime.now(ZoneOffset.UTC))).path("subscription_id").asLong();
		this.recordIds = new long[this.hosts];
		this.taskId = send("declare", "/api/v1/subscriptions/" + this.subscriptionId + "/tasks", "{\"ready\": false}")
			.path("task_id")
			.asLong();
		for (int from = 0; from < this.hosts; from += 1000) {
			StringBuilder instances = new StringBuilder();
			for (int host = from; host < Math.min(this.hosts, from + 1000); host++) {
				instances.append((host > from) ? "," : "").append("""
						{"instance_id": "host|instance|host|%d", "instance_info": {"host": {"bk_host_id": %d,
						 "bk_host_innerip": "10.%d.%d.%d", "bk_cloud_id": 0, "bk_biz_id": 4}},
						 "steps": [{"id": "agent", "action": "INSTALL_AGENT", "node_name": "[agent] install",
						 "sub_steps": ["install", "check"]}]}
						""".formatted(100_000 + host, 100_000 + host, host >> 16, (host >> 8) & 255, host & 255));
			}
			JsonNode created = send("declare", "/api/v1/tasks/" + this.taskId + "/instances",
					"{\"instances\": [" + instances + "]}");
			created.path("records").forEach(record -> {
				String instance = record.path("instance_id").asString();
				int host = Integer.parseInt(instance.substring(instance.lastIndexOf('|') + 1)) - 100_000;
				this.recordIds[host] = record.path("record_id").asLong();
			});
		}
		send("declare", "/api/v1/tasks/" + this.taskId + "/ready", "{}");
	}

	/** Two writers, each every other batch, paced to spread the batches over {@code duration}. */
	List<Thread> startWriters(Duration duration) {
		long start = System.nanoTime();
		long gap = duration.toNanos() / batches();
		List<Thread> writers = new ArrayList<>();
		for (int writer = 0; writer < 2; writer++) {
			int first = writer;
			writers.add(start("writer-" + writer, () -> {
				for (int batch = first; batch < batches(); batch += 2) {
					LockSupport.parkNanos(start + batch * gap - System.nanoTime());
					String events = events(batch);
					try {
						send("events", "/api/v1/events", events);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					this.acknowledgedBatches.incrementAndGet();
					this.acknowledgedEvents.addAndGet(4 * Math.min(HOSTS_PER_BATCH, this.hosts - batch * HOSTS_PER_BATCH));
				}
			}));
		}
		return writers;
	}

	/** One reader per app node, until the writers are done. */
	List<Thread> startReaders(List<ClusterHttp> nodes) {
		List<Thread> readers = new ArrayList<>();
		for (int n = 0; n < nodes.size(); n++) {
			ClusterHttp node = nodes.get(n);
			String name = "app" + (n + 1);
			readers.add(start("reader-" + name, () -> {
				while (this.writing.get()) {
					read(name, "page", () -> node.getPage("/subscriptions/" + this.subscriptionId));
					read(name, "counters", () -> node.getPage("/subscriptions/" + this.subscriptionId + "/counters"));
					readApi(name, node);
				}
			}));
		}
		return readers;
	}

	private static Thread start(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.start();
		return thread;
	}

	void stopReading() {
		this.writing.set(false);
	}

	interface Request {

		int status() throws IOException, InterruptedException;

	}

	private void read(String node, String what, Request request) {
		try {
			this.tally.add(node + " " + what, String.valueOf(request.status()));
		}
		catch (java.net.ConnectException ex) {
			// the node is down (killed by the test): nothing answered
			this.tally.add(node + " " + what, "refused");
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
		}
		catch (IOException ex) {
			// the answer broke off (the node died while answering, or its database went away mid-answer)
			this.tally.add(node + " " + what, "broken");
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void readApi(String node, ClusterHttp http) {
		read(node, "task_result", () -> {
			String outcome = http.getApi("/backend/api/subscription/task_result/?subscription_id="
					+ this.subscriptionId + "&page=1&pagesize=50&statuses=FAILED").outcome();
			if (outcome.equals("broken")) {
				throw new IOException("task_result broke off");
			}
			return Integer.parseInt(outcome);
		});
	}

	/** Sends until acknowledged; every answer is tallied. */
	private JsonNode send(String what, String path, String json) throws Exception {
		for (int attempt = 1;; attempt++) {
			try {
				ClusterHttp.Answer answer = this.frontend.postApi(path, json);
				this.tally.add("frontend " + what, answer.outcome());
				if (answer.acknowledged()) {
					return answer.body().path("data");
				}
				if (answer.status() != 503 && answer.status() != 502 && answer.code() != 3800500) {
					throw new IllegalStateException(path + " refused: " + answer.status() + " " + answer.body());
				}
			}
			catch (java.net.ConnectException ex) {
				this.tally.add("frontend " + what, "refused");
			}
			catch (IOException ex) {
				this.tally.add("frontend " + what, "broken");
			}
			if (attempt == 200) {
				throw new IllegalStateException(path + " never acknowledged");
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
		}
	}

	/** Batch {@code batch}: four events per host, with unique log texts ("ct <record> <sub-step> <status>"). */
	private String events(int batch) {
		OffsetDateTime base = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));
		StringBuilder events = new StringBuilder("{\"events\": [");
		int from = batch * HOSTS_PER_BATCH;
		for (int host = from; host < Math.min(this.hosts, from + HOSTS_PER_BATCH); host++) {
			long record = this.recordIds[host];
			String last = (host % 10 == 0) ? "FAILED" : "SUCCESS";
			String[][] steps = { { "0", "RUNNING" }, { "0", "SUCCESS" }, { "1", "RUNNING" }, { "1", last } };
			for (int i = 0; i < steps.length; i++) {
				events.append((host > from || i > 0) ? "," : "")
					.append("{\"record_id\": %d, \"step_id\": \"agent\", \"sub_step\": %s, \"status\": \"%s\", "
						.formatted(record, steps[i][0], steps[i][1]))
					.append("\"time\": \"%s\", \"log\": \"ct %d %s %s\"}".formatted(base.plusSeconds(host + i), record,
							steps[i][0], steps[i][1]));
			}
		}
		return events.append("]}").toString();
	}

}
