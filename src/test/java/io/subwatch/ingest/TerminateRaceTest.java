package io.subwatch.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import io.subwatch.ingest.IngestService.CreatedRecord;
import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.result.OperatorActions;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Terminate and executor events at the same time: nothing terminated comes back, counters stay exact. */
@IntegrationTest
class TerminateRaceTest {

	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void concurrentTerminateAndEventsNeverResurrectATerminatedRecord() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		CreatedTask task = this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, 300));
		List<Map<String, Object>> start = new ArrayList<>();
		task.records().forEach((r) -> start.add(Fixtures.event(r.recordId(), 0, "RUNNING", T0)));
		this.fixtures.send(start);
		List<String> revokeList = task.records().stream().limit(150).map(CreatedRecord::instanceId).toList();

		CompletableFuture<Integer> revoke = CompletableFuture
			.supplyAsync(() -> this.actions.revoke(subscriptionId, revokeList, "race", Fixtures.SYSTEM));
		List<CompletableFuture<?>> executors = new ArrayList<>();
		for (int part = 0; part < 3; part++) {
			List<CreatedRecord> mine = task.records().subList(part * 100, part * 100 + 100);
			executors.add(CompletableFuture.runAsync(() -> {
				for (int sub = 0; sub < 4; sub++) {
					List<Map<String, Object>> batch = new ArrayList<>();
					for (CreatedRecord r : mine) {
						batch.add(Fixtures.event(r.recordId(), sub, "SUCCESS", T0.plusSeconds(sub * 10L + 5)));
						if (sub < 3) {
							batch.add(Fixtures.event(r.recordId(), sub + 1, "RUNNING", T0.plusSeconds(sub * 10L + 5)));
						}
					}
					this.fixtures.send(batch);
				}
			}));
		}
		int terminated = revoke.join();
		executors.forEach(CompletableFuture::join);

		Map<String, Integer> revokedOutcome = new TreeMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) FROM instance_record WHERE task_id = :t AND instance_id IN (:ids)"
				+ " GROUP BY status")
			.param("t", task.taskId())
			.param("ids", revokeList)
			.query((rs) -> {
				revokedOutcome.put(rs.getString(1), rs.getInt(2));
			});
		assertThat(revokedOutcome.getOrDefault("TERMINATED", 0)).isEqualTo(terminated);
		assertThat(revokedOutcome.getOrDefault("TERMINATED", 0) + revokedOutcome.getOrDefault("SUCCESS", 0))
			.isEqualTo(150);
		Map<String, Integer> all = new TreeMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) FROM instance_record WHERE task_id = :t GROUP BY status")
			.param("t", task.taskId())
			.query((rs) -> {
				all.put(rs.getString(1), rs.getInt(2));
			});
		assertThat(all.get("SUCCESS")).as("hosts nobody terminated all finished").isGreaterThanOrEqualTo(150);
		Map<String, Integer> maintained = new TreeMap<>();
		this.jdbc.sql("SELECT status, cnt FROM task_status_count WHERE task_id = :t AND cnt <> 0")
			.param("t", task.taskId())
			.query((rs) -> {
				maintained.put(rs.getString(1), rs.getInt(2));
			});
		assertThat(maintained).isEqualTo(all);
	}

}
