package io.subwatch.mirror;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Where each source's schedule stands on this node: failed syncs in a row and when the next one is due. Kept in memory
 * only (the schedule itself is), so the admin page can show the back-off without a column for it; empty before the
 * first sync and on a node that runs no jobs.
 */
@Component
class MirrorBackoffs {

	/** Failed syncs in a row, and when the next sync is due. */
	record Pending(int failures, Instant nextAttempt) {
	}

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	void scheduled(String source, int failures, Instant nextAttempt) {
		this.pending.put(source, new Pending(failures, nextAttempt));
	}

	Optional<Pending> find(String source) {
		return Optional.ofNullable(this.pending.get(source));
	}

}
