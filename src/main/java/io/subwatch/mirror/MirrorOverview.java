package io.subwatch.mirror;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

/**
 * Each configured source with its sync state, for the admin page. Carries neither the app code's secret nor anything
 * else of the credentials: only what an admin needs to see whether a source keeps up.
 */
@Service
public class MirrorOverview {

	private final MirrorSync sync;

	private final MirrorDao dao;

	private final MirrorBackoffs backoffs;

	private final Clock clock;

	MirrorOverview(MirrorSync sync, MirrorDao dao, MirrorBackoffs backoffs, Clock clock) {
		this.sync = sync;
		this.dao = dao;
		this.backoffs = backoffs;
		this.clock = clock;
	}

	/**
	 * A source subscription and the local one standing for it.
	 *
	 * @param sourceId the id on the source
	 * @param localId the local subscription, or null while not created here yet (the source does not list it yet,
	 * or no sync reached it)
	 * @param configured whether the configuration still names it (a subscription dropped from it keeps its local copy);
	 * true for every subscription of a source with {@code bk-biz-ids}, which lists them itself
	 */
	public record MirroredSubscription(long sourceId, Long localId, boolean configured) {
	}

	/**
	 * A configured source and where its sync stands.
	 *
	 * @param name the source's name
	 * @param baseUrl where it is read
	 * @param pollInterval time between two syncs
	 * @param subscriptions the configured subscriptions in configuration order, then any mirrored before and no longer
	 * configured
	 * @param state what its sync last did, or null before the first attempt
	 * @param syncedSecondsAgo seconds since the last completed sync, or null when none completed
	 * @param failures failed syncs in a row as this node's schedule counts them, or null when this node schedules none
	 * @param nextAttempt when this node syncs it next, or null when it schedules none
	 */
	public record SourceOverview(String name, String baseUrl, Duration pollInterval,
			List<MirroredSubscription> subscriptions, MirrorState state, Long syncedSecondsAgo, Integer failures,
			Instant nextAttempt) {
	}

	/** Every configured source, in configuration order. */
	public List<SourceOverview> sources() {
		Instant now = this.clock.instant();
		List<SourceOverview> sources = new ArrayList<>();
		for (MirrorProperties.Source source : this.sync.sources()) {
			Map<Long, Long> mapped = new TreeMap<>(this.dao.findSubscriptions(source.name()));
			List<MirroredSubscription> subscriptions = new ArrayList<>();
			for (long id : source.subscriptionIds().stream().distinct().toList()) {
				subscriptions.add(new MirroredSubscription(id, mapped.remove(id), true));
			}
			mapped.forEach((id, local) -> subscriptions.add(
					new MirroredSubscription(id, local, !source.bkBizIds().isEmpty())));
			MirrorState state = this.dao.findState(source.name()).orElse(null);
			Long ago = (state != null && state.lastSuccess() != null)
					? Math.max(0, Duration.between(state.lastSuccess(), now).toSeconds()) : null;
			MirrorBackoffs.Pending pending = this.backoffs.find(source.name()).orElse(null);
			sources.add(new SourceOverview(source.name(), source.baseUrl(), source.pollInterval(),
					List.copyOf(subscriptions), state, ago, (pending != null) ? pending.failures() : null,
					(pending != null) ? pending.nextAttempt() : null));
		}
		return sources;
	}

}
