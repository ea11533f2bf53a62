package io.subwatch.ingest;

import java.util.Comparator;

/** An event checked against its record's plan: {@code stepIndex} is the position of its step. */
record ResolvedEvent(Event event, int stepIndex) {

	/**
	 * Applied in this order whatever the arrival order: per sub-step along the forward path; ties broken by content,
	 * so any permutation of a batch gives the same result.
	 */
	static final Comparator<ResolvedEvent> APPLY_ORDER = Comparator
		.comparingLong((ResolvedEvent r) -> r.event().recordId())
		.thenComparingInt(ResolvedEvent::stepIndex)
		.thenComparingInt((r) -> r.event().subStep())
		.thenComparingInt((r) -> r.event().status().rank())
		.thenComparing((r) -> r.event().time())
		.thenComparing((r) -> r.event().status().name())
		.thenComparing((r) -> r.event().log(), Comparator.nullsFirst(Comparator.naturalOrder()));

}
