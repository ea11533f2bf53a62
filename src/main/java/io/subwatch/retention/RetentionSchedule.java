package io.subwatch.retention;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the retention clean-up every {@code subwatch.retention.interval} (one node at a time). */
@Component
@ConditionalOnProperty(name = "subwatch.jobs.enabled", havingValue = "true", matchIfMissing = true)
class RetentionSchedule {

	private final TaskRetention tasks;

	private final LogRetention logs;

	private final Clock clock;

	RetentionSchedule(TaskRetention tasks, LogRetention logs, Clock clock) {
		this.tasks = tasks;
		this.logs = logs;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${subwatch.retention.interval:1h}",
			initialDelayString = "${subwatch.retention.interval:1h}")
	@SchedulerLock(name = "retention", lockAtMostFor = "PT2H")
	void run() {
		// Tasks first: their logs go with them, so the log walk afterwards has less to look at.
		this.tasks.run(this.clock.instant());
		this.logs.run(this.clock.instant());
	}

}
