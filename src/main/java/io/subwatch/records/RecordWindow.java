package io.subwatch.records;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.StatusCounts;

/**
 * The filtered set's size and the window of record ids one answer or page shows (task_result spec section 3, steps 4
 * and 5): cut in ascending id, handed out in descending id, in chunks small enough to assemble and write one at a
 * time, or as one page in ascending id.
 */
public final class RecordWindow {

	public static final int CHUNK = InstanceRecordDao.CHUNK;

	/**
	 * Longer instance-id lists are looked up once, in statements of {@link RecordQueryDao#instanceLookup()} ids, and
	 * the matching ids kept: the count and the window then need no statement of their own.
	 */
	static final int INSTANCE_LOOKUP = 100;

	private final RecordQueryDao queries;

	private final RecordScope scope;

	private final RecordFilter filter;

	/** Set when a filter list is too long for one statement: the matching ids, ascending. */
	private long[] materialized;

	/** Several statuses: each is read in index order and the reads are merged (see {@link RecordFilter#orderBy}). */
	private final boolean mergeStatuses;

	private final int chunk;

	/**
	 * @param latest the base set when it was worked out in memory (several tasks), else null
	 * @param chunk ids handed out at a time (smaller with need_detail, whose logs can be large)
	 */
	public RecordWindow(RecordQueryDao queries, RecordScope scope, RecordFilter filter, LatestRecords latest,
			int chunk) {
		this.queries = queries;
		this.scope = scope;
		this.filter = filter;
		this.chunk = chunk;
		boolean longLists = (filter.instanceIds() != null && filter.instanceIds().size() > INSTANCE_LOOKUP)
				|| filter.excludedIds().size() > CHUNK;
		if (filter.matchesNothing()) {
			this.materialized = null;
		}
		else if (latest != null) {
			this.materialized = latest.filter(filter);
		}
		else {
			this.materialized = longLists ? materialize() : null;
		}
		this.mergeStatuses = this.materialized == null && !filter.matchesNothing() && filter.mergeStatuses();
	}

	/** The size of the filtered set; {@code counter} holds the base set's maintained (or worked out) counts. */
	public long total(StatusCounts counter) {
		if (this.filter.matchesNothing()) {
			return 0;
		}
		if (this.materialized != null) {
			return this.materialized.length;
		}
		if (this.filter.isEmpty()) {
			return counter.total();
		}
		if (this.filter.statusesOnly()) {
			return this.filter.statuses().stream().distinct().mapToLong(counter::count).sum();
		}
		return this.queries.count(this.scope, this.filter);
	}

	/** Hands the ids of [begin, begin + size) to {@code chunk}, descending; size -1 means every id. */
	public void forEachChunk(long begin, long size, Consumer<List<Long>> chunk) {
		if (this.filter.matchesNothing() || size == 0) {
			return;
		}
		List<Long> ranked = (this.materialized == null && size > 0 && size <= this.chunk)
				? this.queries.findRankedPage(this.scope, this.filter, begin, (int) size) : null;
		if (ranked != null) {
			List<Long> ids = new ArrayList<>(ranked);
			Collections.reverse(ids);
			if (!ids.isEmpty()) {
				chunk.accept(ids);
			}
			return;
		}
		if (this.mergeStatuses) {
			if (size > 0 && size <= this.chunk && begin + size <= Integer.MAX_VALUE) {
				long[] merged = mergeStatusReads((int) (begin + size));
				List<Long> ids = new ArrayList<>((int) size);
				for (long i = Math.min(merged.length, begin + size) - 1; i >= begin; i--) {
					ids.add(merged[(int) i]);
				}
				if (!ids.isEmpty()) {
					chunk.accept(ids);
				}
				return;
			}
			this.materialized = mergeStatusReads(-1);
		}
		if (this.materialized != null) {
			int from = (int) Math.min(begin, this.materialized.length);
			int to = (size < 0) ? this.materialized.length : (int) Math.min(this.materialized.length, begin + size);
			for (int high = to; high > from; high -= this.chunk) {
				List<Long> ids = new ArrayList<>(this.chunk);
				for (int i = high - 1; i >= Math.max(from, high - this.chunk); i--) {
					ids.add(this.materialized[i]);
				}
				chunk.accept(ids);
			}
			return;
		}
		if (size > 0 && size <= this.chunk) {
			List<Long> ids = new ArrayList<>(this.queries.findIdPage(this.scope, this.filter, begin, (int) size));
			Collections.reverse(ids);
			if (!ids.isEmpty()) {
				chunk.accept(ids);
			}
			return;
		}
		long low = Long.MIN_VALUE;
		long high = Long.MAX_VALUE;
		if (begin > 0) {
			Long first = this.queries.findIdAt(this.scope, this.filter, begin).orElse(null);
			if (first == null) {
				return;
			}
			low = first;
		}
		if (size > 0) {
			high = this.queries.findIdAt(this.scope, this.filter, begin + size - 1).orElse(Long.MAX_VALUE);
		}
		while (true) {
			List<Long> ids = this.queries.findIdsDescending(this.scope, this.filter, low, high, this.chunk);
			if (!ids.isEmpty()) {
				chunk.accept(ids);
			}
			if (ids.size() < this.chunk) {
				return;
			}
			high = ids.get(ids.size() - 1) - 1;
		}
	}

	/** The ids of [offset, offset + limit) in the window's order, ascending id (a page of the table). */
	public List<Long> page(long offset, int limit) {
		List<Long> ids = new ArrayList<>(limit);
		forEachChunk(offset, limit, ids::addAll);
		Collections.reverse(ids);
		return ids;
	}

	/**
	 * The deep-page read of several statuses: the first {@code limit} ids (or all, with -1) of the filter, merged
	 * from one index-ordered read per status. A maintained per-status rank can replace this one method.
	 */
	private long[] mergeStatusReads(int limit) {
		List<long[]> reads = new ArrayList<>();
		for (var status : this.filter.distinctStatuses()) {
			RecordFilter one = this.filter.withStatus(status);
			List<Long> ids = (limit < 0) ? this.queries.findAllIds(this.scope, one)
					: this.queries.findIdPage(this.scope, one, 0, limit);
			reads.add(ids.stream().mapToLong(Long::longValue).toArray());
		}
		long[] merged = reads.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return (limit >= 0 && merged.length > limit) ? Arrays.copyOf(merged, limit) : merged;
	}

	private long[] materialize() {
		List<Long> ids = new ArrayList<>();
		RecordFilter statusesOnly = new RecordFilter(this.filter.statuses(), null, List.of());
		if (this.filter.instanceIds() != null) {
			for (List<String> part : InstanceRecordDao.chunks(this.filter.instanceIds(), this.queries.instanceLookup())) {
				ids.addAll(this.queries.findAllIds(this.scope,
						new RecordFilter(this.filter.statuses(), part, List.of())));
			}
		}
		else {
			ids.addAll(this.queries.findAllIds(this.scope, statusesOnly));
		}
		long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
		if (this.filter.excludedIds().isEmpty()) {
			return sorted;
		}
		List<Long> excluded = new ArrayList<>();
		for (List<String> part : InstanceRecordDao.chunks(this.filter.excludedIds())) {
			excluded.addAll(this.queries.findAllIds(this.scope, new RecordFilter(null, part, List.of())));
		}
		long[] drop = excluded.stream().mapToLong(Long::longValue).sorted().toArray();
		return Arrays.stream(sorted).filter((id) -> Arrays.binarySearch(drop, id) < 0).toArray();
	}

}
