package io.subwatch.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.subwatch.ingest.EventService;
import io.subwatch.ingest.IngestService;
import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.result.OperatorActions;
import io.subwatch.security.Access;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.Status;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the demo through the reporting API's services (the same path as an external executor): the seed document's
 * own example as subscription 1, then one subscription per business with finished, failed and retried hosts.
 */
@Component
public class DemoLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

	static final Access DEMO = Access.system("demo");

	private final IngestService ingest;

	private final EventService events;

	private final OperatorActions actions;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final InstanceRecordDao records;

	private final Clock clock;

	DemoLoader(IngestService ingest, EventService events, OperatorActions actions, JsonMapper json, JdbcClient jdbc,
			InstanceRecordDao records, Clock clock) {
		this.ingest = ingest;
		this.events = events;
		this.actions = actions;
		this.json = json;
		this.jdbc = jdbc;
		this.records = records;
		this.clock = clock;
	}

	public boolean databaseEmpty() {
		return this.jdbc.sql("SELECT COUNT(*) FROM subscription").query(Long.class).single() == 0;
	}

	/** Loads everything; call on an empty database so the seed example gets subscription id 1. */
	public void load() {
		long seed = loadSeedExample();
		Random random = new Random(20201223);
		Instant now = this.clock.instant();
		DemoScript script = new DemoScript(random);
		int hostId = 1000;
		List<DemoCatalog.Business> businesses = DemoCatalog.BUSINESSES;
		int[] sizes = { 120, 80, 60, 100, 40 };
		for (int b = 0; b < businesses.size(); b++) {
			DemoCatalog.Business business = businesses.get(b);
			Instant start = now.minusSeconds(3600L * (30 - b * 5));
			DemoSubscription subscription = switch (b % 3) {
				case 0 -> DemoSubscription.agentInstall(business);
				case 1 -> DemoSubscription.pluginDeploy(business, DemoCatalog.PLUGINS.get(b % 4));
				default -> DemoSubscription.agentAndPlugin(business, DemoCatalog.PLUGINS.get(0));
			};
			long subscriptionId = this.ingest.createSubscription(this.json.valueToTree(subscription.body()), DEMO);
			List<DemoHost> hosts = new ArrayList<>();
			for (int i = 0; i < sizes[b]; i++) {
				hosts.add(DemoHost.of(++hostId, business, i));
			}
			CreatedTask task = this.ingest.createTask(subscriptionId,
					this.json.valueToTree(subscription.taskBody(hosts, start.minusSeconds(5))), DEMO);
			send(script.finish(subscription, task, hosts, start, 0.08));
			if (b == 0) {
				// A retry of the failed hosts, most of which succeed the second time.
				long retryTask = this.actions.retry(subscriptionId, null, null, DEMO).taskId();
				Map<String, DemoHost> byInstance = new LinkedHashMap<>();
				hosts.forEach((h) -> byInstance.put(h.instanceId(), h));
				List<InstanceRecord> again = this.records.findAllByTaskAndStatus(retryTask, Status.PENDING, 0, 10_000);
				send(script.finishRecords(subscription, again, byInstance, now.minusSeconds(170), 0.3));
			}
		}
		log.info("Loaded the demo: the seed example is subscription {}, plus {} subscriptions", seed,
				businesses.size());
	}

	/** The seed document's example: subscription 1, instance host|instance|host|127.0.0.1-0-0, its 8 sub-steps. */
	long loadSeedExample() {
		Map<String, Object> subscription = new LinkedHashMap<>();
		subscription.put("name", "安装 Agent · 测试业务");
		subscription.put("bk_biz_id", 4);
		subscription.put("object_type", "HOST");
		subscription.put("node_type", "INSTANCE");
		subscription.put("category", "once");
		subscription.put("steps", List.of(Map.of("id", "agent", "type", "AGENT")));
		subscription.put("create_time", seedTime("16:45:58"));
		long subscriptionId = this.ingest.createSubscription(this.json.valueToTree(subscription), DEMO);
		Map<String, Object> host = new LinkedHashMap<>();
		host.put("bk_biz_id", 4);
		host.put("bk_host_id", 1);
		host.put("bk_biz_name", "测试业务");
		host.put("bk_cloud_id", 0);
		host.put("bk_cloud_name", "直连区域");
		host.put("bk_host_innerip", "127.0.0.1");
		host.put("bk_supplier_account", "0");
		Map<String, Object> instance = Map.of("instance_id", "host|instance|host|127.0.0.1-0-0", "instance_info",
				Map.of("host", host, "service", Map.of()), "steps",
				List.of(Map.of("id", "agent", "action", "INSTALL_AGENT", "node_name", "[agent] 安装", "sub_steps",
						DemoCatalog.AGENT_SUB_STEPS)));
		CreatedTask task = this.ingest.createTask(subscriptionId,
				this.json.valueToTree(Map.of("is_auto_trigger", false, "ready", true, "create_time", seedTime("16:46:01"),
						"instances", List.of(instance))),
				DEMO);
		long recordId = task.records().get(0).recordId();
		// start and finish of each sub-step as the seed shows them (China time).
		String[][] times = { { "16:46:01", "16:46:01" }, { "16:46:01", "16:46:01" }, { "16:46:01", "16:46:32" },
				{ "16:46:32", "16:46:52" }, { "16:46:52", "16:46:58" }, { "16:46:58", "16:47:03" },
				{ "16:47:03", "16:47:08" }, { "16:47:08", "16:47:08" } };
		List<Map<String, Object>> report = new ArrayList<>();
		for (int i = 0; i < times.length; i++) {
			report.add(event(recordId, "agent", i, "RUNNING", seedTime(times[i][0]), null));
			report.add(event(recordId, "agent", i, "SUCCESS", seedTime(times[i][1]), "[2020-12-23 " + times[i][1]
					+ " INFO] " + DemoCatalog.AGENT_SUB_STEPS.get(i) + " 完成"));
		}
		send(report);
		return subscriptionId;
	}

	private static String seedTime(String time) {
		return OffsetDateTime.parse("2020-12-23T" + time + "+08:00").withOffsetSameInstant(ZoneOffset.ofHours(8))
			.toString();
	}

	static Map<String, Object> event(long recordId, String stepId, int subStep, String status, String time,
			String logText) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("record_id", recordId);
		event.put("step_id", stepId);
		event.put("sub_step", subStep);
		event.put("status", status);
		event.put("time", time);
		if (logText != null) {
			event.put("log", logText);
		}
		return event;
	}

	private void send(List<Map<String, Object>> report) {
		for (int from = 0; from < report.size(); from += 5000) {
			List<Map<String, Object>> batch = report.subList(from, Math.min(report.size(), from + 5000));
			this.events.apply(this.json.valueToTree(Map.of("events", batch)), DEMO);
		}
	}

}
