package io.subwatch.breakdown;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.ingest.ZombieCheck;
import io.subwatch.result.NodeRetry;
import io.subwatch.result.OperatorActions;
import io.subwatch.subscription.ErrorText;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.RecordPlace;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.StepPlanDao;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.TaskRemoval;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.MutableClock;
import io.subwatch.support.MutableClockConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static io.subwatch.support.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step matrix and failure clusters are maintained on write: after a mixed sequence of every kind of write
 * (events, revoke, retry, retry_node, the zombie check, a task whose creation failed, task retention) they equal a
 * recount of the records, and every record's stored place is where its sub-steps say it stands.
 */
@IntegrationTest
@Import(MutableClockConfig.class)
class PlaceCountersTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	NodeRetry nodeRetry;

	@Autowired
	ZombieCheck zombies;

	@Autowired
	IngestService ingest;

	@Autowired
	IngestRequests requests;

	@Autowired
	InstanceRecordDao records;

	@Autowired
	SubStepDao subSteps;

	@Autowired
	StepPlanDao plans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskRemoval removal;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	MutableClock clock;

	@Test
	void countersEqualARecountAfterEveryKindOfWrite() {
		Instant t0 = Instant.parse("2026-12-01T02:00:00Z");
		this.clock.set(t0);
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		CreatedTask first = this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, 9));
		List<Long> r = first.records().stream().map(IngestService.CreatedRecord::recordId).toList();
		List<Map<String, Object>> batch = new ArrayList<>(Fixtures.finish(r.get(0), -1, t0));
		batch.add(event(r.get(1), 1, "FAILED", t0, "start\nERROR connect 10.0.0.1:22 timeout after 30s\nbye"));
		batch.add(event(r.get(2), 1, "FAILED", t0, "ERROR connect 10.0.3.9:22 timeout after 45s"));
		batch.add(event(r.get(3), 2, "FAILED", t0, "disk full on /dev/sda1"));
		batch.add(event(r.get(4), 0, "SUCCESS", t0));
		batch.add(event(r.get(5), 2, "RUNNING", t0));
		batch.add(event(r.get(7), 1, "RUNNING", t0));
		batch.add(event(r.get(8), 0, "RUNNING", t0));
		this.fixtures.send(batch);
		assertMaintained(subscriptionId, first.taskId());

		this.actions.revoke(subscriptionId, List.of(first.records().get(7).instanceId()), "test", Fixtures.SYSTEM);
		long retryTask = this.actions.retry(subscriptionId, null, null, Fixtures.SYSTEM).taskId();
		long again = this.fixtures.recordId(retryTask, first.records().get(2).instanceId());
		this.fixtures.send(List.of(event(again, 0, "SUCCESS", t0.plusSeconds(60)),
				event(again, 1, "SUCCESS", t0.plusSeconds(61)),
				event(again, 2, "FAILED", t0.plusSeconds(62), "permission denied: /etc/gse/agent.conf")));
		assertMaintained(subscriptionId, first.taskId(), retryTask);

		long nodeTask = ((Number) this.nodeRetry.retry(subscriptionId, first.records().get(2).instanceId(),
				Fixtures.SYSTEM).get("task_id")).longValue();
		assertMaintained(subscriptionId, first.taskId(), retryTask, nodeTask);

		// a task whose creation failed: its records go, and the ones they replaced are the latest again
		long broken = this.ingest.createTask(subscriptionId,
				this.requests.task(this.fixtures.json().valueToTree(Map.of("ready", false))), Fixtures.SYSTEM).taskId();
		this.ingest.addInstances(broken, this.requests.instances(this.fixtures.json().valueToTree(Map.of("instances",
				List.of(this.fixtures.host(bizId))))), Fixtures.SYSTEM);
		this.ingest.markReady(broken, this.requests.readyError(this.fixtures.json().valueToTree(Map.of("error", "boom"))), Fixtures.SYSTEM);

		this.clock.advance(Duration.ofHours(2));
		assertThat(this.zombies.run()).isPositive();
		assertMaintained(subscriptionId, first.taskId(), retryTask, nodeTask, broken);
		long timeouts = this.jdbc.sql("""
				SELECT cnt FROM failure_count WHERE by_task = TRUE AND scope_id = :t AND step_index = 0
				AND sub_index = 1 AND error_key = :key
				""")
			.param("t", first.taskId())
			.param("key", ErrorText.key("ERROR connect <ip> timeout after <n>s"))
			.query(Long.class)
			.single();
		assertThat(timeouts).as("two hosts, one normalised error").isEqualTo(2);

		// task retention: the first task's records that are no longer their hosts' latest go
		int removed = this.transaction.execute((tx) -> this.removal.removeSupersededRecords(subscriptionId,
				first.taskId(), 1000));
		assertThat(removed).isPositive();
		assertMaintained(subscriptionId, first.taskId(), retryTask, nodeTask, broken);
	}

	private void assertMaintained(long subscriptionId, Long... taskIds) {
		for (long taskId : taskIds) {
			assertThat(maintained("step_status_count", true, taskId))
				.isEqualTo(counted("plan_id, at_step, at_sub, status", "task_id = :s", taskId));
			assertThat(maintained("failure_count", true, taskId)).isEqualTo(
					counted("at_step, at_sub, error_key", "task_id = :s AND status = 'FAILED'", taskId));
			assertPlacesAreCurrent(taskId);
		}
		assertThat(maintained("step_status_count", false, subscriptionId)).isEqualTo(
				counted("plan_id, at_step, at_sub, status", "subscription_id = :s AND is_latest = TRUE", subscriptionId));
		assertThat(maintained("failure_count", false, subscriptionId)).isEqualTo(counted("at_step, at_sub, error_key",
				"subscription_id = :s AND is_latest = TRUE AND status = 'FAILED'", subscriptionId));
	}

	private Map<String, Integer> maintained(String table, boolean byTask, long scopeId) {
		String key = table.equals("failure_count") ? "step_index, sub_index, error_key"
				: "plan_id, step_index, sub_index, status";
		Map<String, Integer> rows = new TreeMap<>();
		this.jdbc.sql("SELECT " + key + ", cnt FROM " + table
				+ " WHERE by_task = :byTask AND scope_id = :s AND cnt <> 0 ORDER BY " + key)
			.param("byTask", byTask)
			.param("s", scopeId)
			.query((rs) -> {
				rows.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3)
						+ (key.startsWith("plan") ? "/" + rs.getString(4) : ""), rs.getInt(key.startsWith("plan") ? 5 : 4));
			});
		return rows;
	}

	private Map<String, Integer> counted(String columns, String where, long scopeId) {
		Map<String, Integer> rows = new TreeMap<>();
		int width = columns.split(",").length;
		this.jdbc.sql("SELECT " + columns + ", COUNT(*) FROM instance_record WHERE " + where + " GROUP BY " + columns
				+ " ORDER BY " + columns)
			.param("s", scopeId)
			.query((rs) -> {
				StringBuilder key = new StringBuilder();
				for (int i = 1; i <= width; i++) {
					key.append((i > 1) ? "/" : "").append(rs.getString(i));
				}
				rows.put(key.toString(), rs.getInt(width + 1));
			});
		return rows;
	}

	private void assertPlacesAreCurrent(long taskId) {
		List<InstanceRecord> all = this.records.findAllByTask(taskId, 0, 1000);
		var stored = this.subSteps.findByRecordIds(all.stream().map(InstanceRecord::id).toList());
		for (InstanceRecord record : all) {
			RecordPlace expected = RecordPlace.of(RecordProgress.of(this.plans.findById(record.planId()),
					stored.getOrDefault(record.id(), Map.of())));
			Map<String, Object> row = this.jdbc.sql("SELECT at_step, at_sub, error_key FROM instance_record WHERE id = :id")
				.param("id", record.id())
				.query()
				.singleRow();
			assertThat(((Number) row.get("at_step")).intValue() + "." + ((Number) row.get("at_sub")).intValue())
				.as("record %d", record.id())
				.isEqualTo(expected.stepIndex() + "." + expected.subIndex());
			assertThat(row.get("error_key") != null).as("record %d has an error key once failed", record.id())
				.isEqualTo(record.status() == io.subwatch.subscription.Status.FAILED);
		}
	}

}
