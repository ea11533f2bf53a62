package io.subwatch.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.result.OperatorActions;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.RankRecount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rank counters against the records: after random status changes, a retry, retention of superseded records and
 * the removal of a task, every deep page found through {@link StatusRanks} (directly, through task_result and at any
 * offset) is the page the plain index read gives, and the counters equal a recount. Random cases come from jqwik's
 * generators; the database is the real schema (H2, and MariaDB in the db suite).
 */
@IntegrationTest
class StatusRanksTest {

	private static final List<Status> STATUSES = List.of(Status.PENDING, Status.RUNNING, Status.SUCCESS,
			Status.FAILED);

	private static final Instant T = Instant.parse("2026-12-01T02:00:00Z");

	@Autowired
	Fixtures fixtures;

	@Autowired
	StatusRanks ranks;

	@Autowired
	TaskRemoval removal;

	@Autowired
	OperatorActions actions;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void deepPagesAndCountersFollowEveryKindOfChange() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		CreatedTask task = this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, 3_000));
		List<Long> recordIds = task.records().stream().map((r) -> r.recordId()).toList();
		// two rounds, so records move from RUNNING or FAILED on as well as out of PENDING
		randomChanges(recordIds, 0);
		randomChanges(recordIds, 1_000);
		checkScope(StatusRanks.Scope.task(task.taskId()), subscriptionId, task.taskId());
		checkScope(StatusRanks.Scope.latest(subscriptionId), subscriptionId, null);

		List<String> failed = instancesIn(task.taskId(), Status.FAILED);
		long retryTaskId = this.actions.retry(subscriptionId, failed, null, Fixtures.SYSTEM).taskId();
		checkCounters(subscriptionId, task.taskId(), retryTaskId);
		checkScope(StatusRanks.Scope.latest(subscriptionId), subscriptionId, null);

		// retention: the superseded records of the first task go, a part at a time
		this.transaction.executeWithoutResult((tx) -> this.removal.removeSupersededRecords(subscriptionId,
				task.taskId(), 100));
		checkCounters(subscriptionId, task.taskId(), retryTaskId);
		checkScope(StatusRanks.Scope.task(task.taskId()), subscriptionId, task.taskId());

		// a task whose creation failed goes: the records it replaced are the latest again
		List<String> running = instancesIn(task.taskId(), Status.RUNNING).subList(0, 300);
		this.fixtures.send(running.stream()
			.flatMap((instance) -> Fixtures.finish(this.fixtures.recordId(task.taskId(), instance), 1, T).stream())
			.toList());
		long second = this.actions.retry(subscriptionId, running, null, Fixtures.SYSTEM).taskId();
		checkCounters(subscriptionId, task.taskId(), second);
		this.transaction.executeWithoutResult((tx) -> this.removal.removeRecords(subscriptionId, second));
		checkCounters(subscriptionId, task.taskId(), second);
		checkScope(StatusRanks.Scope.latest(subscriptionId), subscriptionId, null);
	}

	/** Each record: left as it is, running, finished, or failed at a random sub-step. */
	private void randomChanges(List<Long> recordIds, int later) {
		Arbitrary<Integer> action = Arbitraries.integers().between(0, 3);
		Arbitrary<Integer> failAt = Arbitraries.integers().between(0, Fixtures.AGENT_SUBS.size() - 1);
		List<Map<String, Object>> events = new ArrayList<>();
		for (long recordId : recordIds) {
			Instant at = T.plusSeconds(later);
			switch (action.sample()) {
				case 0 -> {
				}
				case 1 -> events.add(Fixtures.event(recordId, (later == 0) ? 0 : 1, "RUNNING", at));
				case 2 -> events.addAll(Fixtures.finish(recordId, failAt.sample(), at));
				default -> events.addAll(Fixtures.finish(recordId, -1, at));
			}
		}
		for (int from = 0; from < events.size(); from += 4_000) {
			this.fixtures.send(events.subList(from, Math.min(events.size(), from + 4_000)));
		}
	}

	/** Random status sets, offsets and limits: the seek's page is the plain read's, directly and via task_result. */
	private void checkScope(StatusRanks.Scope scope, long subscriptionId, Long taskId) {
		assertThat(RankRecount.stored(this.jdbc, scope.byTask(), scope.id()))
			.isEqualTo(RankRecount.recounted(this.jdbc, scope.byTask(), scope.id()));
		Arbitrary<List<Status>> statusSets = Arbitraries.of(STATUSES).list().ofMinSize(1).ofMaxSize(5);
		for (int trial = 0; trial < 40; trial++) {
			List<Status> statuses = statusSets.sample();
			List<Long> all = plain(scope, statuses);
			long offset = Arbitraries.longs().between(0, all.size() + 5).sample();
			int limit = Arbitraries.integers().between(1, 120).sample();
			assertThat(this.ranks.findPage(scope, statuses, offset, limit)).as("%s at %d, %d rows", statuses, offset,
					limit)
				.isEqualTo(all.subList((int) Math.min(offset, all.size()), (int) Math.min(offset + limit, all.size())));
		}
		// the deep pages of task_result, which go through the counters
		Api api = new Api(this.mvc, this.json);
		Arbitrary<Set<Status>> wide = Arbitraries.of(STATUSES).set().ofMinSize(3).ofMaxSize(4);
		int deepPages = 0;
		for (int trial = 0; trial < 8; trial++) {
			List<Status> statuses = List.copyOf(wide.sample());
			List<Long> all = plain(scope, statuses);
			if (all.size() < StatusRanks.DEEP + 50) {
				continue;
			}
			int page = Arbitraries.integers().between((int) (StatusRanks.DEEP / 50) + 1, all.size() / 50 + 2).sample();
			Map<String, Object> params = new HashMap<>();
			params.put("subscription_id", subscriptionId);
			params.put("statuses", statuses.stream().map(Status::name).toList());
			params.put("page", page);
			params.put("pagesize", 50);
			if (taskId != null) {
				params.put("task_id_list", List.of(taskId));
			}
			else {
				params.put("need_aggregate_all_tasks", true);
			}
			JsonNode data = api.taskResult(params).get("data");
			List<Long> shown = new ArrayList<>();
			data.get("list").forEach((row) -> shown.add(row.get("record_id").asLong()));
			List<Long> expected = new ArrayList<>(
					all.subList(Math.min((page - 1) * 50, all.size()), Math.min(page * 50, all.size())));
			Collections.reverse(expected);
			assertThat(shown).as("%s page %d", statuses, page).isEqualTo(expected);
			assertThat(data.get("total").asInt()).isEqualTo(all.size());
			deepPages++;
		}
		assertThat(deepPages).as("deep pages compared").isPositive();
	}

	private void checkCounters(long subscriptionId, long... taskIds) {
		for (long taskId : taskIds) {
			assertThat(RankRecount.stored(this.jdbc, true, taskId))
				.isEqualTo(RankRecount.recounted(this.jdbc, true, taskId));
		}
		assertThat(RankRecount.stored(this.jdbc, false, subscriptionId))
			.isEqualTo(RankRecount.recounted(this.jdbc, false, subscriptionId));
	}

	/** Every id of the scope in the statuses, ascending, read the plain way. */
	private List<Long> plain(StatusRanks.Scope scope, List<Status> statuses) {
		return this.jdbc.sql("SELECT r.id FROM instance_record r WHERE "
				+ (scope.byTask() ? "r.task_id = :id" : "r.subscription_id = :id AND r.is_latest = TRUE")
				+ " AND r.status IN (:statuses) ORDER BY r.id")
			.param("id", scope.id())
			.param("statuses", statuses.stream().map(Status::name).distinct().toList())
			.query(Long.class)
			.list();
	}

	private List<String> instancesIn(long taskId, Status status) {
		return this.jdbc.sql("SELECT instance_id FROM instance_record WHERE task_id = :taskId AND status = :status"
				+ " ORDER BY id")
			.param("taskId", taskId)
			.param("status", status.name())
			.query(String.class)
			.list();
	}

}
