package io.subwatch.mirror;

import java.time.Instant;
import java.util.UUID;

import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The back-off lives in the database: another node, or this one after a restart, continues it. */
@IntegrationTest
class MirrorBackoffsTest {

	@Autowired
	MirrorDao dao;

	@Test
	void aNewInstanceContinuesTheStoredBackoffAndASyncKeepsIt() {
		String source = "backoff-" + UUID.randomUUID().toString().substring(0, 8);
		Instant next = Instant.parse("2026-12-02T04:05:00Z");
		MirrorBackoffs node = new MirrorBackoffs(this.dao);
		assertThat(node.find(source)).isEmpty();

		node.scheduled(source, 3, next);
		MirrorBackoffs restarted = new MirrorBackoffs(this.dao);
		assertThat(restarted.find(source)).contains(new MirrorBackoffs.Pending(3, next));

		// the sync's own bookkeeping on the same row leaves the back-off alone, and the back-off the sync state
		this.dao.recordAttempt(source, next.minusSeconds(60), 7, null, "unreachable", null);
		assertThat(restarted.find(source)).contains(new MirrorBackoffs.Pending(3, next));
		assertThat(this.dao.findState(source).orElseThrow().requests()).isEqualTo(7);

		restarted.scheduled(source, 0, next.plusSeconds(10));
		assertThat(node.find(source)).contains(new MirrorBackoffs.Pending(0, next.plusSeconds(10)));
		assertThat(this.dao.findState(source).orElseThrow().lastError()).isEqualTo("unreachable");
	}

}
