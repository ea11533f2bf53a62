package io.subwatch.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.subwatch.breakdown.BreakdownScope;
import io.subwatch.breakdown.Breakdowns;
import io.subwatch.progress.Straggler;
import io.subwatch.progress.Stragglers;
import io.subwatch.records.Place;
import io.subwatch.records.RecordQueryDao;
import io.subwatch.records.RecordRunningDao;
import io.subwatch.records.RecordScope;
import io.subwatch.records.RecordSearchDao;
import io.subwatch.records.RecordWindow;
import io.subwatch.records.SearchHit;
import io.subwatch.result.RowAssembler;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Task;

import org.springframework.stereotype.Component;

/**
 * Cuts the page the table shows through the record engine: totals from the maintained counters (or the place
 * counters), ids from its index-ordered window (or its longest-running-first order), or, for a search, from the few
 * records the search terms name; the stragglers filter from the task's stuck hosts the progress panels found.
 */
@Component
class ResultTable {

	/** A prefix search looks at no more records than this and says so when it hits the limit. */
	static final int SEARCH_CAP = 20_000;

	private final RecordQueryDao queries;

	private final RecordSearchDao search;

	private final RowAssembler assembler;

	private final Breakdowns breakdowns;

	private final RecordRunningDao running;

	private final PageFormat format;

	ResultTable(RecordQueryDao queries, RecordSearchDao search, RowAssembler assembler, Breakdowns breakdowns,
			RecordRunningDao running, PageFormat format) {
		this.queries = queries;
		this.format = format;
		this.running = running;
		this.search = search;
		this.assembler = assembler;
		this.breakdowns = breakdowns;
	}

	/** {@code stragglers}: the stuck hosts of the task shown ({@link Stragglers#NONE} for all tasks). */
	ResultWindow window(RecordScope scope, StatusCounts counters, ResultQuery query, Stragglers stragglers) {
		long offset = (long) (query.page() - 1) * query.size();
		HostSearch search = query.hostSearch();
		if (search.isEmpty() && query.stuck()) {
			List<Long> all = stuck(stragglers, query);
			return new ResultWindow(cut(all, offset, query.size()), all.size(), List.of(), List.of(), false);
		}
		if (search.isEmpty()) {
			RecordWindow window = new RecordWindow(this.queries, scope, query.filter(), null, RecordWindow.CHUNK);
			long total = (query.place() != null) ? placeTotal(scope, query) : window.total(counters);
			List<Long> ids = (offset >= total) ? List.of()
					: query.longest() ? this.running.page(scope, query.filter(), counters, offset, query.size())
							: window.page(offset, query.size());
			return new ResultWindow(ids, total, List.of(), List.of(), false);
		}
		List<SearchHit> hits = this.search.findHits(scope.subscriptionId(), search.terms(), SEARCH_CAP);
		List<SearchHit> inScope = hits.stream().filter((hit) -> scope.contains(hit.taskId(), hit.latest())).toList();
		List<Long> all = matching(inScope, query).stream().map(SearchHit::id).toList();
		if (query.stuck()) {
			Set<Long> found = new HashSet<>(all);
			all = stuck(stragglers, query).stream().filter(found::contains).toList();
		}
		List<Long> ids = cut(all, offset, query.size());
		// The hits already cover every task of the subscription: what they lack was never targeted here.
		List<String> notFound = search.exact() ? missing(search, hits) : List.of();
		List<String> notInView = search.exact() ? missing(search, inScope) : new ArrayList<>();
		notInView.removeAll(notFound);
		return new ResultWindow(ids, all.size(), notFound, notInView,
				search.prefix() != null && hits.size() >= SEARCH_CAP);
	}

	/** The instances of every record the view matches, on all pages (the "all N matching" selection). */
	List<String> instanceIds(RecordScope scope, ResultQuery query, int limit) {
		if (query.hostSearch().isEmpty()) {
			return this.queries.findInstanceIds(scope, query.filter(), limit);
		}
		return searched(scope, query).stream().limit(limit).map(SearchHit::instanceId).toList();
	}

	/** The record ids of a search view on all pages, ascending (at most {@code limit}). */
	List<Long> recordIds(RecordScope scope, ResultQuery query, int limit) {
		return searched(scope, query).stream().limit(limit).map(SearchHit::id).toList();
	}

	private List<SearchHit> searched(RecordScope scope, ResultQuery query) {
		return matching(this.search.findHits(scope.subscriptionId(), query.hostSearch().terms(), SEARCH_CAP)
			.stream()
			.filter((hit) -> scope.contains(hit.taskId(), hit.latest()))
			.toList(), query);
	}

	/** Hits of the status and place filters, one per record, ascending record id. */
	private List<SearchHit> matching(List<SearchHit> inScope, ResultQuery query) {
		TreeMap<Long, SearchHit> byId = new TreeMap<>();
		for (SearchHit hit : inScope) {
			if (query.statuses().isEmpty() || query.statuses().contains(hit.status())) {
				byId.put(hit.id(), hit);
			}
		}
		if (query.place() != null && !byId.isEmpty()) {
			byId.keySet().retainAll(this.search.findAtPlace(new ArrayList<>(byId.keySet()), query.place()));
		}
		return new ArrayList<>(byId.values());
	}

	/**
	 * The stuck hosts in the view's statuses and place: in record order, or longest running first. All of them are
	 * running, and there are at most as many as the panels read ({@code Stragglers.MAX_READ}).
	 */
	private List<Long> stuck(Stragglers stragglers, ResultQuery query) {
		if (!query.statuses().isEmpty() && !query.statuses().contains(Status.RUNNING)) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>(stragglers.all().stream().map(Straggler::recordId).toList());
		if (query.place() != null && !ids.isEmpty()) {
			Set<Long> atPlace = new HashSet<>(this.search.findAtPlace(ids, query.place()));
			ids.removeIf((id) -> !atPlace.contains(id));
		}
		if (!query.longest()) {
			ids.sort(null);
		}
		return ids;
	}

	private static List<Long> cut(List<Long> all, long offset, int size) {
		return (offset < all.size())
				? List.copyOf(all.subList((int) offset, (int) Math.min(all.size(), offset + size))) : List.of();
	}

	/** Hosts of a breakdown filter, from the place counters (a cell per status asked, all statuses when none). */
	private long placeTotal(RecordScope scope, ResultQuery query) {
		Place place = query.place();
		BreakdownScope of = new BreakdownScope(scope.subscriptionId(), scope.taskId());
		List<Status> statuses = query.statuses().isEmpty() ? Status.RECORD_STATUSES : query.statuses();
		return statuses.stream()
			.mapToLong((status) -> this.breakdowns.count(of, status, place.stepIndex(), place.subIndex(),
					place.errorKey()))
			.sum();
	}

	/**
	 * The rows of {@code ids}, in that order (the longest running first is not record order); {@code shown} is the
	 * page's task, already read (null on the all-tasks view), so its rows do not read it again.
	 */
	List<HostRow> rows(List<Long> ids, boolean withTask, Set<Long> stuck, Task shown) {
		Map<Long, String> pipelineIds = RowAssembler.pipelineIdCache();
		if (shown != null) {
			pipelineIds.put(shown.id(), shown.pipelineId());
		}
		Map<Long, Integer> position = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			position.put(ids.get(i), i);
		}
		return this.assembler.assemble(ids, false, pipelineIds)
			.stream()
			.map((row) -> HostRow.of(row, withTask, stuck.contains(row.record().id()), this.format))
			.sorted(Comparator.comparingInt((HostRow row) -> position.getOrDefault(row.recordId(), Integer.MAX_VALUE)))
			.toList();
	}

	/** The search terms that name none of {@code hits}, in the order they were pasted. */
	private static List<String> missing(HostSearch search, List<SearchHit> hits) {
		Set<String> names = new HashSet<>();
		for (SearchHit hit : hits) {
			Stream.of(hit.instanceId(), hit.ip(), hit.ipv6(), hit.hostName())
				.filter(Objects::nonNull)
				.forEach(names::add);
		}
		List<String> missing = new ArrayList<>();
		for (String token : search.tokens()) {
			String cloudIp = HostSearch.cloudIp(token);
			if (!names.contains(token) && (cloudIp == null || !names.contains(cloudIp))) {
				missing.add(token);
			}
		}
		return missing;
	}

}
