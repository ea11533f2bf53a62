package io.subwatch.subscription;

import java.util.Map;
import java.util.TreeMap;

/**
 * Changes to the maintained counters collected during one transaction, applied in a fixed order (so concurrent
 * writers lock counter rows in the same order and cannot deadlock on them): per task and per subscription, and the
 * same per block of record ids (the rank counters of {@link StatusRanks}), which is why every change names its record.
 */
public final class CounterDeltas {

	private final Map<Key, Integer> taskDeltas = new TreeMap<>();

	private final Map<Key, Integer> subscriptionDeltas = new TreeMap<>();

	private final Map<StatusRanks.Bucket, Integer> bucketDeltas = new TreeMap<>(StatusRanks.Bucket.ORDER);

	record Key(long id, String status) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			int byId = Long.compare(this.id, other.id);
			return (byId != 0) ? byId : this.status.compareTo(other.status);
		}

	}

	/**
	 * Record {@code recordId} of {@code taskId} moved from one status to another (either may be null: created or
	 * dropped).
	 */
	public void move(long recordId, long taskId, long subscriptionId, boolean latest, Status from, Status to) {
		if (from == to) {
			return;
		}
		add(this.taskDeltas, taskId, from, to);
		addBucket(true, taskId, recordId, from, to);
		if (latest) {
			add(this.subscriptionDeltas, subscriptionId, from, to);
			addBucket(false, subscriptionId, recordId, from, to);
		}
	}

	/** A record stopped being its instance's latest: it leaves the subscription counters. */
	public void leaveLatest(long recordId, long subscriptionId, Status status) {
		add(this.subscriptionDeltas, subscriptionId, status, null);
		addBucket(false, subscriptionId, recordId, status, null);
	}

	/** A record became its instance's latest again: it rejoins the subscription counters. */
	public void joinLatest(long recordId, long subscriptionId, Status status) {
		add(this.subscriptionDeltas, subscriptionId, null, status);
		addBucket(false, subscriptionId, recordId, null, status);
	}

	private static void add(Map<Key, Integer> deltas, long id, Status from, Status to) {
		if (from != null) {
			deltas.merge(new Key(id, from.name()), -1, Integer::sum);
		}
		if (to != null) {
			deltas.merge(new Key(id, to.name()), 1, Integer::sum);
		}
	}

	private void addBucket(boolean byTask, long scopeId, long recordId, Status from, Status to) {
		long bucket = StatusRanks.bucketOf(recordId);
		if (from != null) {
			this.bucketDeltas.merge(new StatusRanks.Bucket(byTask, scopeId, from.name(), bucket), -1, Integer::sum);
		}
		if (to != null) {
			this.bucketDeltas.merge(new StatusRanks.Bucket(byTask, scopeId, to.name(), bucket), 1, Integer::sum);
		}
	}

	Map<Key, Integer> taskDeltas() {
		return this.taskDeltas;
	}

	Map<Key, Integer> subscriptionDeltas() {
		return this.subscriptionDeltas;
	}

	Map<StatusRanks.Bucket, Integer> bucketDeltas() {
		return this.bucketDeltas;
	}

}
