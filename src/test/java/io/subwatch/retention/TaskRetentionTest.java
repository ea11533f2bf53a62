package io.subwatch.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.subwatch.audit.AuditDao;
import io.subwatch.audit.AuditEntry;
import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.subscription.TaskRemoval;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.MutableClock;
import io.subwatch.support.MutableClockConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks silent for longer than {@code subwatch.retention.tasks} (30 days here) go when nothing of them is current any
 * more, 2 records per transaction; a task whose records are still latest, the scope task, the newest task, a task with
 * running work and a recent task stay. Subscription counters, the latest records and the surviving tasks' counters
 * are unchanged, and the audit keeps what went. Other tests share the database, so only this test's rows are read.
 */
@IntegrationTest
@Tag("db")
@Import(MutableClockConfig.class)
@TestPropertySource(properties = { "subwatch.retention.batch-size=2", "subwatch.retention.tasks=30d" })
class TaskRetentionTest {

	static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

	static final Instant LONG_AGO = Instant.parse("2026-09-01T00:00:00Z");

	@Autowired
	TaskRetention retention;

	@Autowired
	Fixtures fixtures;

	@Autowired
	IngestService ingest;

	@Autowired
	IngestRequests requests;

	@Autowired
	CounterDao counters;

	@Autowired
	SubscriptionDao subscriptions;

	@Autowired
	TaskRemoval removal;

	@Autowired
	AuditDao audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MutableClock clock;

	long bizId;

	long subscriptionId;

	List<Map<String, Object>> hosts;

	/** Full task, every record superseded by {@link #full2}: goes. */
	CreatedTask full1;

	/** Partial retry of full1's failed hosts, superseded by {@link #full2}: goes. */
	CreatedTask retry1;

	/** Full task, the scope, with latest records: stays. */
	CreatedTask full2;

	/** The newest task (partial, of one host): stays. */
	CreatedTask retry2;

	@BeforeEach
	void setUp() {
		this.bizId = this.fixtures.newBizId();
		this.subscriptionId = this.fixtures.subscription(this.bizId);
		this.hosts = this.fixtures.hosts(this.bizId, 4);
		this.clock.set(LONG_AGO);
		this.full1 = this.fixtures.task(this.subscriptionId, this.hosts);
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			events.addAll(Fixtures.finish(this.full1.records().get(i).recordId(), (i < 2) ? -1 : 1, LONG_AGO));
		}
		this.fixtures.send(events);
		this.clock.set(LONG_AGO.plus(Duration.ofDays(1)));
		this.retry1 = partialTask(this.hosts.subList(2, 4));
		this.fixtures.send(finishAll(this.retry1, LONG_AGO.plus(Duration.ofDays(1))));
		this.clock.set(LONG_AGO.plus(Duration.ofDays(2)));
		this.full2 = this.fixtures.task(this.subscriptionId, this.hosts);
		this.fixtures.send(finishAll(this.full2, LONG_AGO.plus(Duration.ofDays(2))));
		this.clock.set(LONG_AGO.plus(Duration.ofDays(3)));
		this.retry2 = partialTask(this.hosts.subList(0, 1));
		this.fixtures.send(finishAll(this.retry2, LONG_AGO.plus(Duration.ofDays(3))));
		this.clock.set(NOW);
	}

	@Test
	void supersededOldTasksGoEverythingCurrentStays() {
		StatusCounts subscriptionBefore = this.counters.findBySubscription(this.subscriptionId);
		StatusCounts full2Before = this.counters.findByTask(this.full2.taskId());
		List<Long> latestBefore = latestRecords();
		assertThat(latestBefore).hasSize(4);

		TaskRetention.Removed removed = this.retention.run(NOW);

		assertThat(removed.tasks()).isGreaterThanOrEqualTo(2);
		assertThat(taskIds()).containsExactly(this.full2.taskId(), this.retry2.taskId());
		assertThat(recordCount(this.full1.taskId()) + recordCount(this.retry1.taskId())).isZero();
		assertThat(logCount(this.full1)).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM task_status_count WHERE task_id IN (:ids)")
			.param("ids", List.of(this.full1.taskId(), this.retry1.taskId()))
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM step_status_count WHERE by_task = TRUE AND scope_id IN (:ids)")
			.param("ids", List.of(this.full1.taskId(), this.retry1.taskId()))
			.query(Long.class)
			.single()).as("the removed tasks' step matrices").isZero();
		assertThat(this.counters.findBySubscription(this.subscriptionId)).isEqualTo(subscriptionBefore);
		assertThat(this.counters.findByTask(this.full2.taskId())).isEqualTo(full2Before);
		assertThat(latestRecords()).isEqualTo(latestBefore);

		List<AuditEntry> entries = removals();
		assertThat(entries).extracting(AuditEntry::taskId)
			.containsExactlyInAnyOrder(this.full1.taskId(), this.retry1.taskId());
		AuditEntry full1Entry = entries.stream()
			.filter((e) -> e.taskId() == this.full1.taskId())
			.findFirst()
			.orElseThrow();
		assertThat(full1Entry.actor()).isEqualTo("retention");
		assertThat(full1Entry.hostCount()).isEqualTo(4);
		assertThat(full1Entry.detail()).contains("SUCCESS 2", "FAILED 2", "pipeline ", "last event 2026-09-01");

		// nothing more to remove: a second run changes nothing here
		this.retention.run(NOW);
		assertThat(taskIds()).containsExactly(this.full2.taskId(), this.retry2.taskId());
		assertThat(removals()).hasSameSizeAs(entries);
	}

	@Test
	void olderTasksStayWhileANewerTaskIsBeingBuilt() {
		// A newer task still being built: its creation may fail and make the older records latest again.
		this.ingest.createTask(this.subscriptionId, this.requests.task(this.fixtures.json().valueToTree(Map.of("ready", false))),
				Fixtures.SYSTEM);
		this.retention.run(NOW);
		assertThat(taskIds()).contains(this.full1.taskId(), this.retry1.taskId());

		assertThat(removals()).isEmpty();
	}

	@Test
	void tasksSilentForLessThanTheSettingStayAndZeroKeepsEveryTask() {
		// silent for about 88 days: kept at 100 days
		retention(Duration.ofDays(100)).run(NOW);
		assertThat(taskIds()).contains(this.full1.taskId(), this.retry1.taskId());
		assertThat(retention(Duration.ZERO).run(NOW)).isEqualTo(new TaskRetention.Removed(0, 0));
		assertThat(taskIds()).contains(this.full1.taskId(), this.retry1.taskId());
		assertThat(removals()).isEmpty();
	}

	private TaskRetention retention(Duration tasks) {
		return new TaskRetention(this.jdbc, this.subscriptions, this.removal, this.counters, this.audit,
				new RetentionSettings(Duration.ZERO, true, tasks, Duration.ofHours(1), 2), this.transactions);
	}

	@Test
	void aTaskWithRunningRecordsStays() {
		long otherSubscription = this.fixtures.subscription(this.bizId);
		this.clock.set(LONG_AGO);
		CreatedTask running = this.fixtures.task(otherSubscription, this.hosts);
		this.fixtures.send(List.of(Fixtures.event(running.records().get(0).recordId(), 0, "RUNNING", LONG_AGO)));
		this.clock.set(LONG_AGO.plusSeconds(60));
		this.fixtures.task(otherSubscription, this.hosts);
		this.clock.set(NOW);

		this.retention.run(NOW);

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM subscription_task WHERE id = :id")
			.param("id", running.taskId())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(recordCount(running.taskId())).isEqualTo(4);
	}

	private CreatedTask partialTask(List<Map<String, Object>> instances) {
		return this.ingest.createTask(this.subscriptionId, this.requests.task(this.fixtures.json()
			.valueToTree(Map.of("ready", true, "partial", true, "instances", instances))), Fixtures.SYSTEM);
	}

	private static List<Map<String, Object>> finishAll(CreatedTask task, Instant start) {
		List<Map<String, Object>> events = new ArrayList<>();
		task.records().forEach((record) -> events.addAll(Fixtures.finish(record.recordId(), -1, start)));
		return events;
	}

	private List<Long> taskIds() {
		return this.jdbc.sql("SELECT id FROM subscription_task WHERE subscription_id = :id ORDER BY id")
			.param("id", this.subscriptionId)
			.query(Long.class)
			.list();
	}

	private List<Long> latestRecords() {
		return this.jdbc.sql("""
				SELECT id FROM instance_record WHERE subscription_id = :id AND is_latest = TRUE ORDER BY id
				""").param("id", this.subscriptionId).query(Long.class).list();
	}

	private long recordCount(long taskId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM instance_record WHERE task_id = :id")
			.param("id", taskId)
			.query(Long.class)
			.single();
	}

	private long logCount(CreatedTask task) {
		return this.jdbc.sql("SELECT COUNT(*) FROM sub_step_log WHERE record_id IN (:ids)")
			.param("ids", task.records().stream().map((r) -> r.recordId()).toList())
			.query(Long.class)
			.single();
	}

	private List<AuditEntry> removals() {
		return this.audit.findRecentBySubscription(this.subscriptionId, 100)
			.stream()
			.filter((e) -> TaskRetention.ACTION.equals(e.action()))
			.toList();
	}

}
