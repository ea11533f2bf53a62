package io.subwatch.subscription;

import java.time.Instant;
import java.util.List;

import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change stamp that lets a live poll answer "unchanged" from one small read: every kind of write to a
 * subscription's tasks moves it, a write elsewhere and a plain read do not.
 */
@IntegrationTest
class TaskChangeStampTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	TaskDao tasks;

	@Autowired
	TransactionTemplate transaction;

	String stamp(long subscriptionId) {
		return this.tasks.changeStamp(subscriptionId).orElseThrow().stamp();
	}

	@Test
	void unknownSubscriptionsHaveNoStamp() {
		assertThat(this.tasks.changeStamp(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void everyWriteToTheSubscriptionsTasksMovesTheStampAndNothingElseDoes() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		long other = this.fixtures.subscription(bizId);
		String empty = stamp(subscriptionId);

		var task = this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, 3));
		String created = stamp(subscriptionId);
		assertThat(created).as("a task with records").isNotEqualTo(empty);
		assertThat(stamp(subscriptionId)).as("reading twice").isEqualTo(created);

		this.fixtures.task(other, this.fixtures.hosts(bizId, 2));
		assertThat(stamp(subscriptionId)).as("another subscription's task").isEqualTo(created);

		this.fixtures.send(List.of(Fixtures.event(task.records().get(0).recordId(), 0, "RUNNING",
				Instant.parse("2026-11-28T02:00:00Z"))));
		String afterEvent = stamp(subscriptionId);
		assertThat(afterEvent).as("an event batch").isNotEqualTo(created);

		this.transaction.executeWithoutResult((tx) -> this.tasks.lockAll(List.of(task.taskId())));
		String afterLock = stamp(subscriptionId);
		assertThat(afterLock).as("a writer locking the task").isNotEqualTo(afterEvent);

		this.tasks.addInstanceCount(task.taskId(), 0);
		String afterAdd = stamp(subscriptionId);
		assertThat(afterAdd).as("records added").isNotEqualTo(afterLock);

		this.tasks.markReady(task.taskId(), null, Instant.parse("2026-11-28T03:00:00Z"));
		String afterReady = stamp(subscriptionId);
		assertThat(afterReady).as("made ready").isNotEqualTo(afterAdd);

		this.tasks.touch(List.of(task.taskId()), Instant.parse("2026-11-28T04:00:00Z"));
		assertThat(stamp(subscriptionId)).as("only the last-event time").isEqualTo(afterReady);
	}

}
