package io.subwatch.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.MutableClock;
import io.subwatch.support.MutableClockConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Records that hear nothing for the zombie timeout (30 min) are failed, with a log line saying why. */
@IntegrationTest
@Import(MutableClockConfig.class)
class ZombieCheckTest {

	@Autowired
	ZombieCheck check;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CounterDao counters;

	@Autowired
	SubStepDao subSteps;

	@Autowired
	MutableClock clock;

	@Test
	void aStuckHostIsFailedButItsBusyNeighboursAreNot() {
		long bizId = this.fixtures.newBizId();
		this.clock.set(Instant.parse("2026-11-28T03:00:00Z"));
		CreatedTask task = this.fixtures.task(this.fixtures.subscription(bizId), this.fixtures.hosts(bizId, 3));
		long stuck = task.records().get(0).recordId();
		long busy = task.records().get(1).recordId();
		this.fixtures.send(List.of(Fixtures.event(stuck, 1, "RUNNING", this.clock.instant()),
				Fixtures.event(busy, 0, "RUNNING", this.clock.instant())));
		this.clock.advance(Duration.ofMinutes(25));
		this.fixtures.send(List.of(Fixtures.event(busy, 0, "SUCCESS", this.clock.instant()),
				Fixtures.event(busy, 1, "RUNNING", this.clock.instant())));
		this.clock.advance(Duration.ofMinutes(6));
		this.check.run();
		var counts = this.counters.findByTask(task.taskId());
		assertThat(counts.count(Status.FAILED)).isEqualTo(1);
		assertThat(counts.count(Status.RUNNING)).isEqualTo(1);
		assertThat(counts.count(Status.PENDING)).as("the task is not silent: its queue waits").isEqualTo(1);
		String log = this.subSteps.findLogs(List.of(stuck)).get(stuck).values().iterator().next();
		assertThat(log).contains("ERROR] no event for 30 min: failed by the zombie check");
	}

	@Autowired
	IngestService ingest;

	@Autowired
	IngestRequests requests;

	@Test
	void neitherAMirroredOldCreateTimeNorATaskStillBeingBuiltCountsAsSilence() {
		long bizId = this.fixtures.newBizId();
		this.clock.set(Instant.parse("2026-11-30T03:00:00Z"));
		long subscriptionId = this.fixtures.subscription(bizId);
		long mirrored = this.ingest.createTask(subscriptionId, this.requests.task(this.fixtures.json().valueToTree(Map.of("ready", true,
				"create_time", "2020-12-23T16:46:01+08:00", "instances", this.fixtures.hosts(bizId, 2)))),
				Fixtures.SYSTEM).taskId();
		long building = this.ingest.createTask(subscriptionId, this.requests.task(this.fixtures.json().valueToTree(Map.of("ready", false))),
				Fixtures.SYSTEM).taskId();
		this.ingest.addInstances(building, this.requests.instances(this.fixtures.json().valueToTree(Map.of("instances",
				this.fixtures.hosts(bizId, 2)))), Fixtures.SYSTEM);
		this.clock.advance(Duration.ofMinutes(5));
		this.check.run();
		assertThat(this.counters.findByTask(mirrored).count(Status.PENDING)).isEqualTo(2);
		this.clock.advance(Duration.ofMinutes(40));
		this.check.run();
		assertThat(this.counters.findByTask(mirrored).count(Status.FAILED)).as("silent since it was created here")
			.isEqualTo(2);
		assertThat(this.counters.findByTask(building).count(Status.PENDING)).as("not ready: still being built")
			.isEqualTo(2);
	}

	@Test
	void aSilentTaskHasAllItsUnfinishedHostsFailed() {
		long bizId = this.fixtures.newBizId();
		this.clock.set(Instant.parse("2026-11-29T03:00:00Z"));
		CreatedTask task = this.fixtures.task(this.fixtures.subscription(bizId), this.fixtures.hosts(bizId, 4));
		this.fixtures.send(Fixtures.finish(task.records().get(0).recordId(), -1, this.clock.instant()));
		this.clock.advance(Duration.ofMinutes(29));
		this.check.run();
		assertThat(this.counters.findByTask(task.taskId()).count(Status.PENDING)).as("not yet").isEqualTo(3);
		this.clock.advance(Duration.ofMinutes(2));
		this.check.run();
		var counts = this.counters.findByTask(task.taskId());
		assertThat(counts.count(Status.SUCCESS)).isEqualTo(1);
		assertThat(counts.count(Status.FAILED)).isEqualTo(3);
		assertThat(counts.active()).isFalse();
	}

}
