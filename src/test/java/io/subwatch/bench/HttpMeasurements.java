package io.subwatch.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The measurements over HTTP against the packaged app: the queries, return_all, and events ingest. */
final class HttpMeasurements {

	private static final String TASK_RESULT = "/backend/api/subscription/task_result/";

	private final AppProcess app;

	private final LargeDataset.Generated data;

	private long lastReturnAllBytes;

	HttpMeasurements(AppProcess app, LargeDataset.Generated data) {
		this.app = app;
		this.data = data;
	}

	Map<String, Stats> queries(int runs) throws Exception {
		long s = this.data.subscriptionId();
		long t = this.data.taskId();
		int deepPage = (int) Math.max(1, Math.min(500, this.data.instanceIds().size() * 0.3 / 50));
		List<String> sample = new ArrayList<>();
		int step = Math.max(1, this.data.instanceIds().size() / 1000);
		for (int i = 0; i < this.data.instanceIds().size() && sample.size() < 1000; i += step) {
			sample.add("\"" + this.data.instanceIds().get(i) + "\"");
		}
		Map<String, String> bodies = new LinkedHashMap<>();
		bodies.put("M1", "{\"subscription_id\": %d, \"task_id_list\": [%d], \"page\": 1, \"pagesize\": 50}".formatted(s, t));
		bodies.put("M2", ("{\"subscription_id\": %d, \"task_id_list\": [%d], \"page\": %d, \"pagesize\": 50,"
				+ " \"statuses\": [\"FAILED\", \"RUNNING\"]}").formatted(s, t, deepPage));
		bodies.put("M3", "{\"subscription_id\": %d, \"task_id_list\": [%d], \"page\": 1, \"pagesize\": 50, \"need_detail\": true}"
			.formatted(s, t));
		bodies.put("M4", "{\"subscription_id\": %d, \"task_id_list\": [%d], \"page\": 1, \"pagesize\": 50, \"instance_id_list\": [%s]}"
			.formatted(s, t, String.join(",", sample)));
		bodies.put("M5", "{\"subscription_id\": %d, \"need_aggregate_all_tasks\": true, \"page\": 1, \"pagesize\": 50}"
			.formatted(s));
		Map<String, Stats> results = new LinkedHashMap<>();
		for (Map.Entry<String, String> body : bodies.entrySet()) {
			byte[] check = this.app.post(TASK_RESULT, body.getValue());
			if (!new String(check, 0, Math.min(40, check.length)).contains("\"result\":true")) {
				throw new IllegalStateException(body.getKey() + " failed: " + new String(check));
			}
			results.put(body.getKey(), this.app.profiles.record(body.getKey(),
					() -> Stats.steady(runs, () -> this.app.post(TASK_RESULT, body.getValue()))));
		}
		return results;
	}

	/**
	 * M11: the first {@code calls} task_result calls (M1's request) on an app that has just become healthy, none
	 * before them: what a client meets after a deployment, before the JIT has compiled the path.
	 */
	Stats firstCalls(int calls) throws Exception {
		String body = "{\"subscription_id\": %d, \"task_id_list\": [%d], \"page\": 1, \"pagesize\": 50}"
			.formatted(this.data.subscriptionId(), this.data.taskId());
		return Stats.measure(0, calls, () -> this.app.post(TASK_RESULT, body));
	}

	Stats returnAll(int runs) throws Exception {
		String body = "{\"subscription_id\": %d, \"task_id_list\": [%d], \"return_all\": true}"
			.formatted(this.data.subscriptionId(), this.data.taskId());
		return this.app.profiles.record("M6", () -> Stats.measure(1, runs,
				() -> this.lastReturnAllBytes = this.app.postCounting(TASK_RESULT, body)));
	}

	long lastReturnAllBytes() {
		return this.lastReturnAllBytes;
	}

	/**
	 * Events ingest: a new task of hosts, then every host through 12 sub-steps as an executor reports them (the
	 * SUCCESS of one sub-step with the RUNNING of the next), in batches of 1,000 events from one sender.
	 */
	String ingest(int hosts, double target) throws Exception {
		// Warm: the same path once on a smaller task, unmeasured.
		ingestTask(hosts / 5, 60_000_000L);
		long[] sent = this.app.profiles.record("M9", () -> ingestTask(hosts, 50_000_000L));
		long events = sent[0];
		double seconds = sent[1] / 1e9;
		double rate = events / seconds;
		return String.format(Locale.ROOT, "%s: %,.0f events/s (%,d events for %,d hosts × 12 sub-steps in %.1f s)",
				(rate >= target) ? "met" : "**gap**", rate, events, hosts, seconds);
	}

	/** Creates a task of {@code hosts} and reports all its events: how many were sent, and in how many nanoseconds. */
	private long[] ingestTask(int hosts, long firstHostId) throws Exception {
		long subscription = id(this.app.post("/api/v1/subscriptions", """
				{"name": "ingest benchmark", "bk_biz_id": 3, "steps": [{"id": "agent", "type": "AGENT"},
				 {"id": "bkmonitorbeat", "type": "PLUGIN"}]}"""), "subscription_id");
		long task = id(this.app.post("/api/v1/subscriptions/" + subscription + "/tasks", "{\"ready\": false}"), "task_id");
		List<Long> records = new ArrayList<>(hosts);
		for (int from = 0; from < hosts; from += 2_500) {
			StringBuilder instances = new StringBuilder();
			for (int i = from; i < Math.min(hosts, from + 2_500); i++) {
				long hostId = firstHostId + i;
				instances.append((i > from) ? "," : "").append("""
						{"instance_id": "host|instance|host|%d", "instance_info": {"host": {"bk_host_id": %d,
						 "bk_host_innerip": "10.9.%d.%d", "bk_cloud_id": 0, "bk_biz_id": 3}},
						 "steps": [{"id": "agent", "action": "INSTALL_AGENT", "sub_steps": ["注册主机到配置平台", "选择接入点",
						 "安装", "查询Agent状态", "托管 processbeat 插件进程", "托管 exceptionbeat 插件进程",
						 "托管 basereport 插件进程", "更新任务状态"]},
						 {"id": "bkmonitorbeat", "action": "MAIN_INSTALL_PLUGIN", "sub_steps": ["下发安装包", "安装插件",
						 "渲染并下发配置", "启动插件进程"]}]}""".formatted(hostId, hostId, i / 250, i % 250));
			}
			String answer = new String(this.app.post("/api/v1/tasks/" + task + "/instances",
					"{\"instances\": [" + instances + "]}"));
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"record_id\":(\\d+)").matcher(answer);
			while (m.find()) {
				records.add(Long.parseLong(m.group(1)));
			}
		}
		this.app.post("/api/v1/tasks/" + task + "/ready", "{}");
		List<String> events = new ArrayList<>(records.size() * 24);
		String[] steps = { "agent", "bkmonitorbeat" };
		long second = 0;
		for (int position = 0; position < 12; position++) {
			int step = (position < 8) ? 0 : 1;
			int sub = (position < 8) ? position : position - 8;
			for (Long record : records) {
				String time = java.time.Instant.parse("2026-11-28T02:00:00Z").plusSeconds(second++ % 86_400).toString();
				if (position == 0) {
					events.add(event(record, steps[0], 0, "RUNNING", time));
				}
				events.add(event(record, steps[step], sub, "SUCCESS", time).replace("}",
						",\"log\":\"[2026-11-28 10:00:00 INFO] sub-step " + position + " done\"}"));
				if (position < 11) {
					int next = position + 1;
					events.add(event(record, steps[(next < 8) ? 0 : 1], (next < 8) ? next : next - 8, "RUNNING", time));
				}
			}
		}
		long start = System.nanoTime();
		for (int from = 0; from < events.size(); from += 1_000) {
			this.app.post("/api/v1/events", "{\"events\": [" + String.join(",", events.subList(from,
					Math.min(events.size(), from + 1_000))) + "]}");
		}
		return new long[] { events.size(), System.nanoTime() - start };
	}

	private static String event(long record, String step, int sub, String status, String time) {
		return "{\"record_id\":%d,\"step_id\":\"%s\",\"sub_step\":%d,\"status\":\"%s\",\"time\":\"%s\"}"
			.formatted(record, step, sub, status, time);
	}

	private static long id(byte[] answer, String key) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":(\\d+)").matcher(new String(answer));
		if (!m.find()) {
			throw new IllegalStateException("no " + key + " in " + new String(answer));
		}
		return Long.parseLong(m.group(1));
	}

}
