package io.subwatch.simulate;

import java.time.Duration;
import java.util.Map;

import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.MutableClock;
import io.subwatch.support.MutableClockConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A small demo task runs to the end through the reporting path, with a clock moved by hand. */
@IntegrationTest
@Import(MutableClockConfig.class)
@TestPropertySource(properties = { "subwatch.simulator.max-in-flight=7", "subwatch.simulator.max-running-tasks=50",
		"subwatch.simulator.agent.failure-rate=0.25", "subwatch.simulator.plugin.failure-rate=0.25" })
class SimulatorTest {

	@Autowired
	Simulator simulator;

	@Autowired
	SimulatorLauncher launcher;

	@Autowired
	CounterDao counters;

	@Autowired
	InstanceRecordDao records;

	@Autowired
	SubStepDao subSteps;

	@Autowired
	MutableClock clock;

	@Autowired
	Fixtures fixtures;

	@Test
	void aDemoTaskRunsToTheEndWithBoundedConcurrency() {
		long taskId = this.launcher.launch(20);
		int ticks = 0;
		StatusCounts counts = this.counters.findByTask(taskId);
		while (counts.active() && ticks < 1_000) {
			this.clock.advance(Duration.ofSeconds(2));
			this.simulator.tick();
			counts = this.counters.findByTask(taskId);
			assertThat(counts.count(Status.RUNNING)).as("hosts in flight").isLessThanOrEqualTo(7);
			ticks++;
		}
		assertThat(counts.active()).as("finished after %d ticks", ticks).isFalse();
		assertThat(counts.total()).isEqualTo(20);
		assertThat(counts.count(Status.SUCCESS) + counts.count(Status.FAILED)).isEqualTo(20);
		assertThat(counts.count(Status.FAILED)).isPositive();
		var failed = this.records.findAllByTaskAndStatus(taskId, Status.FAILED, 0, 100).get(0);
		Map<Integer, String> logs = this.subSteps.findLogs(java.util.List.of(failed.id())).get(failed.id());
		assertThat(String.join("\n", logs.values())).contains(" INFO] 开始 ").contains(" ERROR] ");
	}

	@Test
	void itOnlyTouchesTheSubscriptionsItCreated() {
		long bizId = this.fixtures.newBizId();
		long foreign = this.fixtures.task(this.fixtures.subscription(bizId), this.fixtures.hosts(bizId, 3)).taskId();
		long own = this.launcher.launch(3);
		for (int i = 0; i < 5; i++) {
			this.clock.advance(Duration.ofSeconds(2));
			this.simulator.tick();
		}
		assertThat(this.counters.findByTask(foreign).count(Status.PENDING)).isEqualTo(3);
		assertThat(this.counters.findByTask(own).count(Status.PENDING)).isLessThan(3);
	}

}
