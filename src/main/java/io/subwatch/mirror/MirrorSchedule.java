package io.subwatch.mirror;

import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Syncs each source every {@code poll-interval}, one node at a time per source (a ShedLock lock named after it), so a
 * second app node never syncs the same source at once; a failing source is polled less often ({@link Backoff}).
 */
@Component
@ConditionalOnProperty(name = "subwatch.jobs.enabled", havingValue = "true", matchIfMissing = true)
class MirrorSchedule implements SmartInitializingSingleton {

	private final MirrorSync sync;

	private final TaskScheduler scheduler;

	private final LockingTaskExecutor locks;

	private final MirrorBackoffs backoffs;

	MirrorSchedule(MirrorSync sync, TaskScheduler scheduler, LockProvider lockProvider, MirrorBackoffs backoffs) {
		this.sync = sync;
		this.scheduler = scheduler;
		this.backoffs = backoffs;
		this.locks = new DefaultLockingTaskExecutor(lockProvider);
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (MirrorProperties.Source source : this.sync.sources()) {
			Instant next = now().plus(source.pollInterval());
			this.backoffs.scheduled(source.name(), 0, next);
			this.scheduler.schedule(() -> run(source, 0), next);
		}
	}

	/** The scheduler's own clock: the times it is given are when it runs the job, so they are on its clock. */
	private Instant now() {
		return this.scheduler.getClock().instant();
	}

	/** One sync under the source's lock, then the next one after the poll interval, or later while it fails. */
	private void run(MirrorProperties.Source source, int failures) {
		int[] failed = { failures };
		try {
			this.locks.executeWithLock((Runnable) () -> failed[0] = (this.sync.sync(source.name()).lastError() != null)
					? failures + 1 : 0,
					new LockConfiguration(Instant.now(), "mirror-" + source.name(), Duration.ofMinutes(10),
							Duration.ZERO));
		}
		finally {
			Instant next = now().plus(Backoff.delay(source.pollInterval(), failed[0]));
			this.backoffs.scheduled(source.name(), failed[0], next);
			this.scheduler.schedule(() -> run(source, failed[0]), next);
		}
	}

}
