package io.subwatch.subscription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deep pages over some statuses as a seek: the rank counters (status_bucket_count, V76, maintained with the status
 * counters by {@link CounterDeltas}) give, per status, how many records of a task (or a subscription's latest records)
 * lie in each block of {@value #BUCKET_SIZE} record ids. Adding them up in block order finds the block where the
 * page's first row lies, so the index is read from that block on with an offset below the block size, instead of
 * reading and merging every id before the page (50,000 ids for page 500 of two statuses of a 100,000-host task).
 */
@Component
public class StatusRanks {

	/** Record ids per block; V76 fills the table with this size, so changing it needs a migration that refills it. */
	static final int BUCKET_SIZE = 1024;

	/**
	 * Pages from this offset on start with the counters. Nearer pages read the index from its start as before: there
	 * the few hundred counter rows cost more than the ids they save.
	 */
	public static final long DEEP = 2_000;

	/** The counted set: a task's records, or a subscription's latest records (need_aggregate_all_tasks). */
	public record Scope(boolean byTask, long id) {

		public static Scope task(long taskId) {
			return new Scope(true, taskId);
		}

		public static Scope latest(long subscriptionId) {
			return new Scope(false, subscriptionId);
		}

		/** The condition and index order that read the scope's records of one status in id order. */
		String where() {
			return this.byTask ? "r.task_id = :scopeId AND r.status = :status"
					: "r.subscription_id = :scopeId AND r.is_latest = TRUE AND r.status = :status";
		}

		String orderBy() {
			return this.byTask ? "r.task_id, r.status, r.id" : "r.subscription_id, r.is_latest, r.status, r.id";
		}

	}

	/** One counter row's key; the order in which writers update them. */
	record Bucket(boolean byTask, long scopeId, String status, long bucket) {

		static final Comparator<Bucket> ORDER = Comparator.comparing(Bucket::byTask)
			.thenComparingLong(Bucket::scopeId)
			.thenComparing(Bucket::status)
			.thenComparingLong(Bucket::bucket);

	}

	/**
	 * Where a position of the ordered set lies: after {@code skip} matching records with ids from {@code fromId} on
	 * ({@code skip} is below {@value #BUCKET_SIZE}).
	 */
	public record Seek(long fromId, long skip) {
	}

	private final JdbcClient jdbc;

	StatusRanks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static long bucketOf(long recordId) {
		return Math.floorDiv(recordId, BUCKET_SIZE);
	}

	/** Where the 0-based {@code offset} of the scope's records in these statuses (ascending id) lies; empty past the end. */
	public Optional<Seek> seek(Scope scope, Collection<Status> statuses, long offset) {
		long[] before = { 0 };
		Seek[] found = { null };
		this.jdbc.sql("""
				SELECT bucket, SUM(cnt) FROM status_bucket_count
				WHERE by_task = :byTask AND scope_id = :scopeId AND status IN (:statuses)
				GROUP BY bucket ORDER BY bucket
				""")
			.param("byTask", scope.byTask())
			.param("scopeId", scope.id())
			.param("statuses", statuses.stream().map(Status::name).distinct().toList())
			.query((rs) -> {
				long count = rs.getLong(2);
				if (found[0] == null && before[0] + count > offset) {
					found[0] = new Seek(rs.getLong(1) * BUCKET_SIZE, offset - before[0]);
				}
				before[0] += count;
			});
		return Optional.ofNullable(found[0]);
	}

	/**
	 * Ids of [offset, offset + limit) of the scope's records in these statuses, ascending id: the seek, then one
	 * index-ordered read per status from the block on, merged.
	 */
	public List<Long> findPage(Scope scope, Collection<Status> statuses, long offset, int limit) {
		Seek seek = seek(scope, statuses, offset).orElse(null);
		if (seek == null) {
			return List.of();
		}
		int need = (int) seek.skip() + limit;
		List<long[]> reads = new ArrayList<>();
		for (Status status : statuses.stream().distinct().toList()) {
			reads.add(this.jdbc.sql("SELECT r.id FROM instance_record r WHERE " + scope.where()
					+ " AND r.id >= :fromId ORDER BY " + scope.orderBy() + " LIMIT :limit")
				.param("scopeId", scope.id())
				.param("status", status.name())
				.param("fromId", seek.fromId())
				.param("limit", need)
				.query(Long.class)
				.list()
				.stream()
				.mapToLong(Long::longValue)
				.toArray());
		}
		long[] merged = reads.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		List<Long> page = new ArrayList<>(limit);
		for (int i = (int) seek.skip(); i < merged.length && page.size() < limit; i++) {
			page.add(merged[i]);
		}
		return page;
	}

}
