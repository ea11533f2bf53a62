package io.subwatch.mirror;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Where each source's schedule stands: failed syncs in a row and when the next sync is due. Kept in the database
 * (V66, on the source's row) so that every app node and a restarted one continue the same back-off: a node whose
 * turn comes while another node has put the next sync later waits for it, and a restart resumes the count. Empty
 * before the first sync was scheduled.
 */
@Component
class MirrorBackoffs {

	/** Failed syncs in a row, and when the next sync is due. */
	record Pending(int failures, Instant nextAttempt) {
	}

	private final MirrorDao dao;

	MirrorBackoffs(MirrorDao dao) {
		this.dao = dao;
	}

	void scheduled(String source, int failures, Instant nextAttempt) {
		this.dao.recordSchedule(source, failures, nextAttempt);
	}

	Optional<Pending> find(String source) {
		return this.dao.findSchedule(source);
	}

	/**
	 * When this node should next sync, given what is stored: the stored time when it lies ahead (another node's, or
	 * this one's before a restart), else {@code otherwise}.
	 */
	static Instant resumeAt(Optional<Pending> stored, Instant now, Instant otherwise) {
		return stored.map(Pending::nextAttempt).filter((next) -> next.isAfter(now)).orElse(otherwise);
	}

}
