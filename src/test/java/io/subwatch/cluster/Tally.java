package io.subwatch.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts answers by kind of request and outcome ("200", "204", "503", "500", "refused", ...). */
final class Tally {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	void add(String request, String outcome) {
		this.counts.computeIfAbsent(request + " " + outcome, key -> new LongAdder()).increment();
	}

	long count(String outcomeSuffix) {
		return this.counts.entrySet()
			.stream()
			.filter(entry -> entry.getKey().endsWith(" " + outcomeSuffix))
			.mapToLong(entry -> entry.getValue().sum())
			.sum();
	}

	Map<String, Long> snapshot() {
		Map<String, Long> copy = new TreeMap<>();
		this.counts.forEach((key, value) -> copy.put(key, value.sum()));
		return copy;
	}

}
