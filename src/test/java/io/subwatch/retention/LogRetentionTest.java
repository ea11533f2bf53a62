package io.subwatch.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.subwatch.audit.AuditDao;
import io.subwatch.audit.AuditEntry;
import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.MutableClock;
import io.subwatch.support.MutableClockConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs of hosts that finished more than {@code subwatch.retention.logs} (30 days) ago are removed in batches (of 2
 * here), failed hosts' logs kept by default; records, statuses and counters stay as they were, and the audit says
 * what went. Other tests' records share the database, so only this test's records are looked at.
 */
@IntegrationTest
@Import(MutableClockConfig.class)
@TestPropertySource(properties = "subwatch.retention.batch-size=2")
class LogRetentionTest {

	static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

	@Autowired
	LogRetention retention;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SubStepDao subSteps;

	@Autowired
	CounterDao counters;

	@Autowired
	AuditDao audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MutableClock clock;

	long subscriptionId;

	CreatedTask old;

	long succeeded1;

	long succeeded2;

	long failed;

	long running;

	long recent;

	@BeforeEach
	void setUp() {
		long bizId = this.fixtures.newBizId();
		this.subscriptionId = this.fixtures.subscription(bizId);
		Instant longAgo = Instant.parse("2026-09-01T00:00:00Z");
		this.clock.set(longAgo.plusSeconds(3_600));
		this.old = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(bizId, 4));
		List<Long> ids = this.old.records().stream().map((r) -> r.recordId()).toList();
		this.succeeded1 = ids.get(0);
		this.succeeded2 = ids.get(1);
		this.failed = ids.get(2);
		this.running = ids.get(3);
		List<Map<String, Object>> events = new ArrayList<>();
		events.addAll(Fixtures.finish(this.succeeded1, -1, longAgo));
		events.addAll(Fixtures.finish(this.succeeded2, -1, longAgo));
		events.addAll(Fixtures.finish(this.failed, 1, longAgo));
		events.add(Fixtures.event(this.running, 0, "RUNNING", longAgo, "[x INFO] still at it"));
		this.fixtures.send(events);
		Instant lately = NOW.minus(Duration.ofDays(3));
		this.clock.set(lately.plusSeconds(3_600));
		CreatedTask fresh = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(bizId, 1));
		this.recent = fresh.records().get(0).recordId();
		this.fixtures.send(Fixtures.finish(this.recent, -1, lately));
		this.clock.set(NOW);
	}

	@Test
	void succeededHostsLogsGoOnceOldFailedAndRunningAndRecentOnesStay() {
		StatusCounts before = this.counters.findByTask(this.old.taskId());
		assertThat(logsOf(this.succeeded1, this.succeeded2, this.failed, this.running, this.recent))
			.containsOnlyKeys(this.succeeded1, this.succeeded2, this.failed, this.running, this.recent);

		LogRetention.Removed removed = this.retention.run(NOW);

		assertThat(removed.hosts()).isGreaterThanOrEqualTo(2);
		assertThat(logsOf(this.succeeded1, this.succeeded2, this.failed, this.running, this.recent))
			.containsOnlyKeys(this.failed, this.running, this.recent);
		assertThat(this.counters.findByTask(this.old.taskId())).isEqualTo(before);
		assertThat(statusOf(this.succeeded1)).isEqualTo("SUCCESS");
		List<AuditEntry> entries = removals();
		assertThat(entries).isNotEmpty();
		assertThat(entries).allSatisfy((e) -> {
			assertThat(e.actor()).isEqualTo("retention");
			assertThat(e.taskId()).isEqualTo(this.old.taskId());
			assertThat(e.detail()).contains("log lines: ").contains("failed hosts' logs kept");
		});
		assertThat(entries.stream().mapToInt(AuditEntry::hostCount).sum()).isEqualTo(2);

		// nothing left to remove: a second run changes nothing here and audits nothing more
		this.retention.run(NOW);
		assertThat(removals()).hasSameSizeAs(entries);
	}

	@Test
	void withoutKeepFailedLogsFailedHostsLogsGoToo() {
		LogRetention all = new LogRetention(this.jdbc, this.audit,
				new RetentionSettings(Duration.ofDays(30), false, Duration.ZERO, Duration.ofHours(1), 2), this.transactions);
		all.run(NOW);
		assertThat(logsOf(this.succeeded1, this.succeeded2, this.failed, this.running, this.recent))
			.containsOnlyKeys(this.running, this.recent);
		assertThat(removals().stream().mapToInt(AuditEntry::hostCount).sum()).isEqualTo(3);
	}

	@Test
	void zeroKeepsEveryLog() {
		LogRetention never = new LogRetention(this.jdbc, this.audit,
				new RetentionSettings(Duration.ZERO, false, Duration.ZERO, Duration.ofHours(1), 2), this.transactions);
		assertThat(never.run(NOW)).isEqualTo(new LogRetention.Removed(0, 0));
		assertThat(logsOf(this.succeeded1, this.failed)).containsOnlyKeys(this.succeeded1, this.failed);
		assertThat(removals()).isEmpty();
	}

	private Map<Long, Map<Integer, String>> logsOf(Long... recordIds) {
		Map<Long, Map<Integer, String>> logs = new java.util.HashMap<>(this.subSteps.findLogs(List.of(recordIds)));
		logs.values().removeIf(Map::isEmpty);
		return logs;
	}

	private String statusOf(long recordId) {
		return this.jdbc.sql("SELECT status FROM instance_record WHERE id = :id")
			.param("id", recordId)
			.query(String.class)
			.single();
	}

	private List<AuditEntry> removals() {
		return this.audit.findRecentBySubscription(this.subscriptionId, 100)
			.stream()
			.filter((e) -> LogRetention.ACTION.equals(e.action()))
			.toList();
	}

}
