package io.subwatch.resilience;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.subwatch.support.Fixtures;

/**
 * The events an executor reports for the records of a task, each record's in the order they happened: hosts that
 * succeed, fail, are terminated, are still running, and one that skips RUNNING (a later sub-step's SUCCESS back-fills
 * the earlier ones). {@link #batches} cuts one writer's view of them: records interleaved at random, batches of random
 * size, events shuffled inside a batch (a batch may arrive in any order), and now and then an earlier batch sent again.
 */
final class EventScript {

	private static final Instant START = Instant.parse("2026-11-28T02:00:00Z");

	private static final int SUB_STEPS = Fixtures.AGENT_SUBS.size();

	private EventScript() {
	}

	/** Each record's events in the order they happened; logs name the record by its position, not its id. */
	static List<List<Map<String, Object>>> of(List<Long> records) {
		List<List<Map<String, Object>>> script = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			long record = records.get(i);
			Instant start = START.plusSeconds(i * 7L);
			List<Map<String, Object>> events = new ArrayList<>();
			int kind = i % 5;
			if (kind == 3) {
				// PENDING straight to SUCCESS of the third sub-step: the first two are back-filled
				events.add(Fixtures.event(record, 2, "SUCCESS", start.plusSeconds(30), "[r" + i + "] skipped ahead"));
				events.add(Fixtures.event(record, 3, "RUNNING", start.plusSeconds(40)));
			}
			for (int sub = 0; sub < SUB_STEPS && kind != 3; sub++) {
				Instant at = start.plusSeconds(sub * 10L);
				events.add(Fixtures.event(record, sub, "RUNNING", at));
				if (kind == 2 && sub == 2) {
					break; // still running
				}
				String end = (kind == 1 && sub == 1 + i % 3) ? "FAILED" : (kind == 4 && sub == 1) ? "TERMINATED"
						: "SUCCESS";
				events.add(Fixtures.event(record, sub, end, at.plusSeconds(5), "[r" + i + " s" + sub + "] " + end));
				if (!end.equals("SUCCESS")) {
					break;
				}
			}
			script.add(events);
		}
		return script;
	}

	/** One writer's batches: a random interleaving that keeps each record's order, cut and shuffled. */
	static List<List<Map<String, Object>>> batches(List<List<Map<String, Object>>> script, Random random) {
		List<Map<String, Object>> merged = new ArrayList<>();
		List<Integer> next = new ArrayList<>(Collections.nCopies(script.size(), 0));
		List<Integer> open = new ArrayList<>();
		for (int r = 0; r < script.size(); r++) {
			open.add(r);
		}
		while (!open.isEmpty()) {
			int pick = random.nextInt(open.size());
			int record = open.get(pick);
			merged.add(script.get(record).get(next.get(record)));
			next.set(record, next.get(record) + 1);
			if (next.get(record) == script.get(record).size()) {
				open.remove(pick);
			}
		}
		List<List<Map<String, Object>>> batches = new ArrayList<>();
		for (int from = 0; from < merged.size();) {
			int to = Math.min(merged.size(), from + 1 + random.nextInt(25));
			List<Map<String, Object>> batch = new ArrayList<>(merged.subList(from, to));
			Collections.shuffle(batch, random);
			batches.add(batch);
			if (batches.size() > 2 && random.nextInt(4) == 0) {
				batches.add(batches.get(random.nextInt(batches.size() - 1))); // an earlier batch, sent again
			}
			from = to;
		}
		return batches;
	}

	/** All events in the order they happened, record after record: the sequential replay. */
	static List<Map<String, Object>> sequential(List<List<Map<String, Object>>> script) {
		return script.stream().flatMap(List::stream).toList();
	}

}
