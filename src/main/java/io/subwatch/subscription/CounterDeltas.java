package io.subwatch.subscription;

import java.util.Map;
import java.util.TreeMap;

/**
 * Changes to the maintained counters collected during one transaction, applied in a fixed order (so concurrent
 * writers lock counter rows in the same order and cannot deadlock on them).
 */
public final class CounterDeltas {

	private final Map<Key, Integer> taskDeltas = new TreeMap<>();

	private final Map<Key, Integer> subscriptionDeltas = new TreeMap<>();

	record Key(long id, String status) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			int byId = Long.compare(this.id, other.id);
			return (byId != 0) ? byId : this.status.compareTo(other.status);
		}

	}

	/** A record of {@code taskId} moved from one status to another (either may be null: created or dropped). */
	public void move(long taskId, long subscriptionId, boolean latest, Status from, Status to) {
		if (from == to) {
			return;
		}
		add(this.taskDeltas, taskId, from, to);
		if (latest) {
			add(this.subscriptionDeltas, subscriptionId, from, to);
		}
	}

	/** A record stopped being its instance's latest: it leaves the subscription counters. */
	public void leaveLatest(long subscriptionId, Status status) {
		add(this.subscriptionDeltas, subscriptionId, status, null);
	}

	/** A record became its instance's latest again: it rejoins the subscription counters. */
	public void joinLatest(long subscriptionId, Status status) {
		add(this.subscriptionDeltas, subscriptionId, null, status);
	}

	private static void add(Map<Key, Integer> deltas, long id, Status from, Status to) {
		if (from != null) {
			deltas.merge(new Key(id, from.name()), -1, Integer::sum);
		}
		if (to != null) {
			deltas.merge(new Key(id, to.name()), 1, Integer::sum);
		}
	}

	Map<Key, Integer> taskDeltas() {
		return this.taskDeltas;
	}

	Map<Key, Integer> subscriptionDeltas() {
		return this.subscriptionDeltas;
	}

}
