package io.subwatch.mirror;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Syncs each source every {@code poll-interval}, one node at a time per source (a ShedLock lock named after it), so a
 * second app node never syncs the same source at once; a failing source is polled less often ({@link Backoff}). The
 * failures in a row and the next sync's time are stored ({@link MirrorBackoffs}): a node (or a restart) whose turn
 * comes earlier than the stored time waits for it, and counts on from the stored failures.
 */
@Component
@ConditionalOnProperty(name = "subwatch.jobs.enabled", havingValue = "true", matchIfMissing = true)
class MirrorSchedule implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(MirrorSchedule.class);

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
			Instant now = now();
			Instant next = MirrorBackoffs.resumeAt(this.backoffs.find(source.name()), now,
					now.plus(source.pollInterval()));
			this.scheduler.schedule(() -> run(source), next);
		}
	}

	/** The scheduler's own clock: the times it is given are when it runs the job, so they are on its clock. */
	private Instant now() {
		return this.scheduler.getClock().instant();
	}

	/**
	 * One sync under the source's lock, unless the stored schedule says later; then the next one after the poll
	 * interval, or later while it fails. Whatever fails here (the database, say), the next turn is scheduled.
	 */
	private void run(MirrorProperties.Source source) {
		Instant next = now().plus(source.pollInterval());
		try {
			next = turn(source);
		}
		catch (RuntimeException ex) {
			logger.warn("Mirror schedule of {} failed; trying again in {}", source.name(), source.pollInterval(), ex);
		}
		finally {
			this.scheduler.schedule(() -> run(source), next);
		}
	}

	/** Syncs when it is this source's time and this node holds its lock; returns when to look again. */
	private Instant turn(MirrorProperties.Source source) {
		Optional<MirrorBackoffs.Pending> stored = this.backoffs.find(source.name());
		Instant deferred = MirrorBackoffs.resumeAt(stored, now(), null);
		if (deferred != null) {
			return deferred;
		}
		int failures = stored.map(MirrorBackoffs.Pending::failures).orElse(0);
		LockingTaskExecutor.TaskResult<Integer> result;
		try {
			result = this.locks.executeWithLock(
					() -> this.sync.sync(source.name()).completed() ? 0 : failures + 1,
					new LockConfiguration(Instant.now(), "mirror-" + source.name(), Duration.ofMinutes(10),
							Duration.ZERO));
		}
		catch (Throwable ex) {
			throw new IllegalStateException("mirror sync of " + source.name() + " failed", ex);
		}
		if (!result.wasExecuted()) {
			// another node is syncing it: it stores the next time, which the next turn here reads
			return now().plus(source.pollInterval());
		}
		int failed = result.getResult();
		Instant next = now().plus(Backoff.delay(source.pollInterval(), failed));
		this.backoffs.scheduled(source.name(), failed, next);
		return next;
	}

}
