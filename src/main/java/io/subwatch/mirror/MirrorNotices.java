package io.subwatch.mirror;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** What a page says about a mirrored subscription: where it comes from, how fresh it is, and why not fresher. */
@Service
public class MirrorNotices {

	private final MirrorDao dao;

	private final Clock clock;

	MirrorNotices(MirrorDao dao, Clock clock) {
		this.dao = dao;
		this.clock = clock;
	}

	/**
	 * @param source the source's name
	 * @param syncedSecondsAgo seconds since the last completed sync, or null when none completed yet
	 * @param lastError why the last sync failed (the data shown is the last good one), or null
	 */
	public record MirrorNotice(String source, Long syncedSecondsAgo, String lastError) {
	}

	/** The notice for a local subscription, empty when it is not mirrored. */
	public Optional<MirrorNotice> forSubscription(long subscriptionId) {
		return this.dao.findSourceSubscription(subscriptionId).map((ref) -> {
			Optional<MirrorState> state = this.dao.findState(ref.source());
			Long ago = state.map(MirrorState::lastSuccess)
				.map((at) -> Math.max(0, Duration.between(at, this.clock.instant()).toSeconds()))
				.orElse(null);
			return new MirrorNotice(ref.source(), ago, state.map((s) -> s.errorFor(ref.sourceId())).orElse(null));
		});
	}

}
