package io.subwatch.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.subwatch.subscription.LogEntry;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.SubStepDao.LogAppend;
import io.subwatch.subscription.SubStepDao.LogMove;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log rule on its own, against an in-memory store that does what the table does: whatever the order and batching
 * of the same events, and however often a batch is sent again, a sub-step's log is each text once, at its earliest
 * event, in time order.
 */
class LogMergeProperties {

	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	static final long RECORD = 7;

	/** The table, per sub-step key. */
	static final class Store {

		final Map<Integer, List<LogEntry>> entries = new HashMap<>();

		long nextId = 1;

		void send(List<LogAppend> batch) {
			List<LogMerge.Candidate> candidates = new ArrayList<>();
			for (int i = 0; i < batch.size(); i++) {
				candidates.add(new LogMerge.Candidate(i, batch.get(i)));
			}
			Map<Integer, List<LogEntry>> snapshot = new HashMap<>();
			this.entries.forEach((key, list) -> snapshot.put(key, List.copyOf(list)));
			LogMerge.Plan plan = LogMerge.plan(candidates, Map.of(RECORD, snapshot));
			for (LogAppend log : plan.inserts()) {
				long id = this.nextId++;
				this.entries.computeIfAbsent(RecordProgress.key(log.stepIndex(), log.subIndex()), (k) -> new ArrayList<>())
					.add(new LogEntry(log.time(), log.status(), log.text(), id, id));
			}
			for (LogMove move : plan.moves()) {
				List<LogEntry> list = this.entries.get(RecordProgress.key(move.stepIndex(), move.subIndex()));
				list.replaceAll((e) -> (e.firstId() == move.entry().firstId())
						? new LogEntry(move.time(), move.status(), e.text(), e.firstId(), e.lastId()) : e);
			}
		}

		Map<Integer, List<String>> logs() {
			Map<Integer, List<String>> texts = new HashMap<>();
			this.entries.forEach((key, list) -> texts.put(key,
					list.stream().sorted(LogEntry.ORDER).map(LogEntry::text).toList()));
			return texts;
		}

	}

	@Property
	void anyOrderAndBatchingStoresTheSameLog(@ForAll("events") List<LogAppend> events, @ForAll long seed) {
		Store inOrder = new Store();
		inOrder.send(events);
		Random random = new Random(seed);
		List<LogAppend> shuffled = new ArrayList<>(events);
		Collections.shuffle(shuffled, random);
		Store batched = new Store();
		for (List<LogAppend> batch : batches(shuffled, random)) {
			batched.send(batch);
			if (random.nextInt(4) == 0) {
				batched.send(batch);
			}
		}
		assertThat(batched.logs()).isEqualTo(inOrder.logs()).isEqualTo(expected(events));
	}

	@Property
	void aBatchSentAgainChangesNothing(@ForAll("events") List<LogAppend> events) {
		Store store = new Store();
		store.send(events);
		Map<Integer, List<String>> once = store.logs();
		List<LogMerge.Candidate> again = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			again.add(new LogMerge.Candidate(i, events.get(i)));
		}
		LogMerge.Plan plan = LogMerge.plan(again, Map.of(RECORD, store.entries));
		assertThat(plan.inserts()).isEmpty();
		assertThat(plan.moves()).isEmpty();
		assertThat(plan.changedEvents()).isEmpty();
		assertThat(store.logs()).isEqualTo(once);
	}

	/** The rule, stated directly: each text once, at its earliest (time, status), in log order. */
	static Map<Integer, List<String>> expected(List<LogAppend> events) {
		Map<Integer, Map<String, LogEntry>> earliest = new HashMap<>();
		for (LogAppend e : events) {
			LogEntry entry = new LogEntry(e.time(), e.status(), e.text(), 0, 0);
			earliest.computeIfAbsent(RecordProgress.key(e.stepIndex(), e.subIndex()), (k) -> new HashMap<>())
				.merge(e.text(), entry, (a, b) -> (LogEntry.ORDER.compare(b, a) < 0) ? b : a);
		}
		Map<Integer, List<String>> texts = new HashMap<>();
		earliest.forEach((key, byText) -> texts.put(key,
				byText.values().stream().sorted(LogEntry.ORDER).map(LogEntry::text).toList()));
		return texts;
	}

	static <T> List<List<T>> batches(List<T> events, Random random) {
		List<List<T>> batches = new ArrayList<>();
		int from = 0;
		while (from < events.size()) {
			int size = 1 + random.nextInt(Math.max(1, events.size() - from));
			batches.add(events.subList(from, Math.min(events.size(), from + size)));
			from += size;
		}
		return batches;
	}

	@Provide
	Arbitrary<List<LogAppend>> events() {
		Arbitrary<LogAppend> event = Combinators.combine(Arbitraries.integers().between(0, 1),
				Arbitraries.of("start", "progress 10%", "progress 50%", "done", "[x ERROR] refused", "retrying"),
				Arbitraries.integers().between(0, 6), Arbitraries.of(Status.RUNNING, Status.SUCCESS, Status.FAILED))
			.as((sub, text, second, status) -> new LogAppend(RECORD, 0, sub, text, T0.plusSeconds(second), status));
		return event.list().ofMinSize(1).ofMaxSize(14);
	}

}
