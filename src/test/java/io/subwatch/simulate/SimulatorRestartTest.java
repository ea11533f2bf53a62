package io.subwatch.simulate;

import java.time.Duration;
import java.time.Instant;

import io.subwatch.SubwatchApplication;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.support.MutableClock;
import io.subwatch.support.MutableClockConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator keeps its state in the database: stop the application mid-task, start it again on the same
 * database, and the task completes (on H2 and, in the MySQL run, on MariaDB).
 */
@Tag("db")
class SimulatorRestartTest {

	ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SubwatchApplication.class, MutableClockConfig.class)
			.profiles("test")
			.run("--server.port=0", "--subwatch.simulator.max-in-flight=4", "--subwatch.simulator.max-running-tasks=50");
	}

	@Test
	void aTaskStoppedMidwayCompletesAfterARestart() {
		long taskId;
		Instant stoppedAt;
		try (ConfigurableApplicationContext first = start()) {
			taskId = first.getBean(SimulatorLauncher.class).launch(12);
			MutableClock clock = first.getBean(MutableClock.class);
			for (int i = 0; i < 6; i++) {
				clock.advance(Duration.ofSeconds(2));
				first.getBean(Simulator.class).tick();
			}
			StatusCounts midway = first.getBean(CounterDao.class).findByTask(taskId);
			assertThat(midway.active()).as("stopped while running").isTrue();
			assertThat(midway.count(Status.PENDING)).isPositive();
			stoppedAt = clock.instant();
		}
		try (ConfigurableApplicationContext second = start()) {
			MutableClock clock = second.getBean(MutableClock.class);
			clock.set(stoppedAt.plusSeconds(30));
			StatusCounts counts = second.getBean(CounterDao.class).findByTask(taskId);
			for (int i = 0; i < 500 && counts.active(); i++) {
				clock.advance(Duration.ofSeconds(2));
				second.getBean(Simulator.class).tick();
				counts = second.getBean(CounterDao.class).findByTask(taskId);
			}
			assertThat(counts.active()).isFalse();
			assertThat(counts.count(Status.SUCCESS) + counts.count(Status.FAILED)).isEqualTo(12);
		}
	}

}
