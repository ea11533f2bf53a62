package io.subwatch.ingest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the zombie check every {@code subwatch.zombie-check-interval} (one node at a time). */
@Component
@ConditionalOnProperty(name = "subwatch.jobs.enabled", havingValue = "true", matchIfMissing = true)
class ZombieSchedule {

	private final ZombieCheck check;

	ZombieSchedule(ZombieCheck check) {
		this.check = check;
	}

	@Scheduled(fixedDelayString = "${subwatch.zombie-check-interval:1m}", initialDelayString = "${subwatch.zombie-check-interval:1m}")
	@SchedulerLock(name = "zombie-check", lockAtMostFor = "PT10M")
	void run() {
		this.check.run();
	}

}
