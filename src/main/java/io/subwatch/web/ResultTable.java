package io.subwatch.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.List;
import java.util.TreeMap;

import io.subwatch.breakdown.BreakdownScope;
import io.subwatch.breakdown.Breakdowns;
import io.subwatch.result.RowAssembler;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.StatusRanks;

import org.springframework.stereotype.Component;

/**
 * Cuts the page the table shows: totals from the maintained counters, ids from an index range, or, for a search,
 * from the few records the search terms name.
 */
@Component
class ResultTable {

	/** A prefix search looks at no more records than this and says so when it hits the limit. */
	static final int SEARCH_CAP = 20_000;

	private final ResultTableDao dao;

	private final RowAssembler assembler;

	private final Breakdowns breakdowns;

	private final StatusRanks ranks;

	ResultTable(ResultTableDao dao, RowAssembler assembler, Breakdowns breakdowns, StatusRanks ranks) {
		this.ranks = ranks;
		this.dao = dao;
		this.assembler = assembler;
		this.breakdowns = breakdowns;
	}

	ResultWindow window(ResultScope scope, StatusCounts counters, ResultQuery query) {
		long offset = (long) (query.page() - 1) * query.size();
		HostSearch search = query.hostSearch();
		if (search.isEmpty()) {
			long total = (query.place() != null) ? placeTotal(scope, query)
					: query.statuses().isEmpty() ? counters.total()
							: query.statuses().stream().mapToLong(counters::count).sum();
			List<Long> ids = (offset < total) ? pageIds(scope, query, offset) : List.of();
			return new ResultWindow(ids, total, List.of(), List.of(), false);
		}
		List<SearchHit> hits = this.dao.findHits(scope.subscriptionId(), search, SEARCH_CAP);
		List<SearchHit> inScope = hits.stream().filter((hit) -> scope.contains(hit.taskId(), hit.latest())).toList();
		List<Long> all = matching(inScope, query).stream().map(SearchHit::id).toList();
		List<Long> ids = (offset < all.size())
				? List.copyOf(all.subList((int) offset, (int) Math.min(all.size(), offset + query.size())))
				: List.of();
		// The hits already cover every task of the subscription: what they lack was never targeted here.
		List<String> notFound = search.exact() ? missing(search, hits) : List.of();
		List<String> notInView = search.exact() ? missing(search, inScope) : new ArrayList<>();
		notInView.removeAll(notFound);
		return new ResultWindow(ids, all.size(), notFound, notInView,
				search.prefix() != null && hits.size() >= SEARCH_CAP);
	}

	/** A page without a search: a deep one of a status filter through the rank counters, else an index range. */
	private List<Long> pageIds(ResultScope scope, ResultQuery query, long offset) {
		if (offset >= StatusRanks.DEEP && query.place() == null && !query.statuses().isEmpty()) {
			StatusRanks.Scope ranked = scope.aggregated() ? StatusRanks.Scope.latest(scope.subscriptionId())
					: StatusRanks.Scope.task(scope.taskId());
			return this.ranks.findPage(ranked, query.statuses(), offset, query.size());
		}
		return this.dao.findIdPage(scope, query.statuses(), query.place(), offset, query.size());
	}

	/** The instances of every record the view matches, on all pages (the "all N matching" selection). */
	List<String> instanceIds(ResultScope scope, ResultQuery query, int limit) {
		HostSearch search = query.hostSearch();
		if (search.isEmpty()) {
			return this.dao.findInstanceIds(scope, query.statuses(), query.place(), limit);
		}
		List<SearchHit> inScope = this.dao.findHits(scope.subscriptionId(), search, SEARCH_CAP)
			.stream()
			.filter((hit) -> scope.contains(hit.taskId(), hit.latest()))
			.toList();
		return matching(inScope, query).stream().limit(limit).map(SearchHit::instanceId).toList();
	}

	/** The record ids of a search view on all pages, ascending (at most {@code limit}). */
	List<Long> recordIds(ResultScope scope, ResultQuery query, int limit) {
		List<SearchHit> inScope = this.dao.findHits(scope.subscriptionId(), query.hostSearch(), SEARCH_CAP)
			.stream()
			.filter((hit) -> scope.contains(hit.taskId(), hit.latest()))
			.toList();
		return matching(inScope, query).stream().limit(limit).map(SearchHit::id).toList();
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
			byId.keySet().retainAll(this.dao.findAtPlace(new ArrayList<>(byId.keySet()), query.place()));
		}
		return new ArrayList<>(byId.values());
	}

	/** Hosts of a breakdown filter, from the place counters (a cell per status asked, all statuses when none). */
	private long placeTotal(ResultScope scope, ResultQuery query) {
		PlaceFilter place = query.place();
		BreakdownScope of = new BreakdownScope(scope.subscriptionId(), scope.taskId());
		List<Status> statuses = query.statuses().isEmpty() ? Status.RECORD_STATUSES : query.statuses();
		return statuses.stream()
			.mapToLong((status) -> this.breakdowns.count(of, status, place.stepIndex(), place.subIndex(),
					place.errorKey()))
			.sum();
	}

	List<HostRow> rows(List<Long> ids, boolean withTask) {
		return this.assembler.assemble(ids, false, RowAssembler.pipelineIdCache())
			.stream()
			.map((row) -> HostRow.of(row, withTask))
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
