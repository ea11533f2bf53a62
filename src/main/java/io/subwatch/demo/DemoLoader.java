package io.subwatch.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.subwatch.ingest.EventBatch;
import io.subwatch.ingest.EventService;
import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.ingest.InstanceRequest;
import io.subwatch.ingest.ReportedEvent;
import io.subwatch.ingest.SubscriptionRequest;
import io.subwatch.ingest.TaskRequest;
import io.subwatch.result.OperatorActions;
import io.subwatch.security.Access;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.Subscription.SubscriptionStep;
import io.subwatch.subscription.SubscriptionOptions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

	private final IngestRequests requests;

	DemoLoader(IngestService ingest, EventService events, OperatorActions actions, JsonMapper json, JdbcClient jdbc,
			InstanceRecordDao records, Clock clock, IngestRequests requests) {
		this.requests = requests;
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
			long subscriptionId = this.ingest.createSubscription(subscription.request(), DEMO);
			List<DemoHost> hosts = new ArrayList<>();
			for (int i = 0; i < sizes[b]; i++) {
				hosts.add(DemoHost.of(++hostId, business, i));
			}
			CreatedTask task = this.ingest.createTask(subscriptionId,
					subscription.task(hosts, start.minusSeconds(5), this::info), DEMO);
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
		SubscriptionRequest subscription = new SubscriptionRequest("安装 Agent · 测试业务", 4, "HOST", "INSTANCE", "once",
				null, List.of(new SubscriptionStep("agent", "AGENT")), SubscriptionOptions.NONE, seedTime("16:45:58"));
		long subscriptionId = this.ingest.createSubscription(subscription, DEMO);
		ObjectNode info = this.json.createObjectNode();
		ObjectNode host = info.putObject("host");
		host.put("bk_biz_id", 4);
		host.put("bk_host_id", 1);
		host.put("bk_biz_name", "测试业务");
		host.put("bk_cloud_id", 0);
		host.put("bk_cloud_name", "直连区域");
		host.put("bk_host_innerip", "127.0.0.1");
		host.put("bk_supplier_account", "0");
		info.putObject("service");
		InstanceRequest instance = new InstanceRequest("host|instance|host|127.0.0.1-0-0",
				this.requests.info(info, "instances[0]"),
				List.of(new InstanceRequest.Step("agent", "INSTALL_AGENT", "[agent] 安装", "{}",
						DemoCatalog.AGENT_SUB_STEPS.stream().map((name) -> new StepPlan.SubStep(name, null)).toList())));
		CreatedTask task = this.ingest.createTask(subscriptionId,
				new TaskRequest(true, false, false, List.of(instance), seedTime("16:46:01")), DEMO);
		long recordId = task.records().get(0).recordId();
		// start and finish of each sub-step as the seed shows them (China time).
		String[][] times = { { "16:46:01", "16:46:01" }, { "16:46:01", "16:46:01" }, { "16:46:01", "16:46:32" },
				{ "16:46:32", "16:46:52" }, { "16:46:52", "16:46:58" }, { "16:46:58", "16:47:03" },
				{ "16:47:03", "16:47:08" }, { "16:47:08", "16:47:08" } };
		List<ReportedEvent> report = new ArrayList<>();
		for (int i = 0; i < times.length; i++) {
			report.add(event(recordId, "agent", i, Status.RUNNING, seedTime(times[i][0]), null));
			report.add(event(recordId, "agent", i, Status.SUCCESS, seedTime(times[i][1]), "[2020-12-23 " + times[i][1]
					+ " INFO] " + DemoCatalog.AGENT_SUB_STEPS.get(i) + " 完成"));
		}
		send(report);
		return subscriptionId;
	}

	/** A demo host's instance_info, read as the API reads an executor's. */
	private InstanceRequest.Info info(DemoHost host) {
		return this.requests.info(this.json.valueToTree(host.instanceInfo()), "instances[" + host.instanceId() + "]");
	}

	private static Instant seedTime(String time) {
		return OffsetDateTime.parse("2020-12-23T" + time + "+08:00").toInstant();
	}

	static ReportedEvent event(long recordId, String stepId, int subStep, Status status, Instant time,
			String logText) {
		return new ReportedEvent(recordId, stepId, subStep, status, time, logText);
	}

	private void send(List<ReportedEvent> report) {
		for (int from = 0; from < report.size(); from += 5000) {
			this.events.apply(EventBatch.of(report.subList(from, Math.min(report.size(), from + 5000)),
					this.clock.instant()), DEMO);
		}
	}

}
