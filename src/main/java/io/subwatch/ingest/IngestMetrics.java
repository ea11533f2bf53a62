package io.subwatch.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Events reported through the reporting API (and by the demo executor), by outcome: {@code applied}, {@code ignored}
 * (repeated or older than what the record shows) and {@code rejected} (errors). Prometheus:
 * {@code subwatch_events_ingested_total{outcome=...}}. Counted once the batch's transaction commits, so a batch
 * retried after a deadlock counts once.
 */
final class IngestMetrics {

	private final Counter applied;

	private final Counter ignored;

	private final Counter rejected;

	IngestMetrics(MeterRegistry meters) {
		this.applied = counter(meters, "applied");
		this.ignored = counter(meters, "ignored");
		this.rejected = counter(meters, "rejected");
	}

	private static Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder("subwatch.events.ingested")
			.description("Events received in event batches, by outcome")
			.tag("outcome", outcome)
			.register(meters);
	}

	void counted(EventService.Outcome outcome) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			add(outcome);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				add(outcome);
			}
		});
	}

	private void add(EventService.Outcome outcome) {
		this.applied.increment(outcome.applied());
		this.ignored.increment(outcome.ignored());
		this.rejected.increment(outcome.errors().size());
	}

}
