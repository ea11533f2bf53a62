package io.subwatch.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.subscription.LogEntry;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.SubStepDao.LogAppend;
import io.subwatch.subscription.SubStepDao.LogMove;

/**
 * Where the log text of a batch's events goes. The rule: a sub-step's log holds each text reported for it once, at
 * the time (and status) of the earliest event that reported it, and reads in that order ({@link LogEntry#ORDER}).
 * Every valid event counts, whether its status moved the sub-step or not (progress lines come as repeated RUNNING
 * events; a late RUNNING line may arrive after the sub-step ended), so any order and batching of the same events, and
 * any batch sent again, store the same log.
 */
final class LogMerge {

	private LogMerge() {
	}

	/** An event's log text, with the event's position in its batch. */
	record Candidate(int eventIndex, LogAppend log) {
	}

	/**
	 * What to write: new entries, stored entries to move earlier, and which events changed the log.
	 *
	 * @param changedEvents positions of the events whose text was stored or moved
	 */
	record Plan(List<LogAppend> inserts, List<LogMove> moves, Set<Integer> changedEvents) {
	}

	private record Key(long recordId, int subKey, String text) {
	}

	/**
	 * @param candidates the batch's events with log text
	 * @param stored the stored entries of the candidates' records, by record id and sub-step key
	 */
	static Plan plan(List<Candidate> candidates, Map<Long, Map<Integer, List<LogEntry>>> stored) {
		Map<Key, Candidate> earliest = new LinkedHashMap<>();
		for (Candidate candidate : candidates) {
			LogAppend log = candidate.log();
			earliest.merge(new Key(log.recordId(), RecordProgress.key(log.stepIndex(), log.subIndex()), log.text()),
					candidate, (kept, next) -> before(next.log(), kept.log()) ? next : kept);
		}
		List<LogAppend> inserts = new ArrayList<>();
		List<LogMove> moves = new ArrayList<>();
		Set<Integer> changed = new HashSet<>();
		earliest.forEach((key, candidate) -> {
			LogAppend log = candidate.log();
			LogEntry same = stored.getOrDefault(key.recordId(), Map.of())
				.getOrDefault(key.subKey(), List.of())
				.stream()
				.filter((entry) -> entry.text().equals(key.text()))
				.findFirst()
				.orElse(null);
			if (same == null) {
				inserts.add(log);
				changed.add(candidate.eventIndex());
			}
			else if (same.isAfter(log.time(), log.status())) {
				moves.add(new LogMove(log.recordId(), log.stepIndex(), log.subIndex(), same, log.time(), log.status()));
				changed.add(candidate.eventIndex());
			}
		});
		return new Plan(inserts, moves, changed);
	}

	private static boolean before(LogAppend a, LogAppend b) {
		return new LogEntry(b.time(), b.status(), b.text(), 0, 0).isAfter(a.time(), a.status());
	}

}
