package io.subwatch.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write path's cost, in process (EventService, no HTTP): a task of hosts reported through its 4 sub-steps in
 * batches of 1,000 events, sub-step by sub-step across the hosts as an executor reports (M9's order), after a smaller
 * warm-up task. Off by default: {@code ./mvnw -o test -Dtest=IngestBatchBenchmarkTest -Dsubwatch.bench=true} (add
 * {@code -Dspring.datasource.url=…} and credentials for MariaDB). Compare branches on the same box, one after the other.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "subwatch.bench", matches = "true")
class IngestBatchBenchmarkTest {

	static final int HOSTS = Integer.getInteger("subwatch.bench.ingest-hosts", 10_000);

	@Autowired
	Fixtures fixtures;

	@Test
	void eventBatchesOfAThousand() {
		ingest(HOSTS / 5);
		for (int round = 1; round <= 2; round++) {
			long[] took = ingest(HOSTS);
			System.out.printf(Locale.ROOT, "%nINGEST BENCH round %d: %,d events for %,d hosts in %.2f s = %,.0f events/s%n",
					round, took[1], HOSTS, took[0] / 1e9, took[1] / (took[0] / 1e9));
		}
	}

	/** Nanoseconds taken and events sent. */
	private long[] ingest(int hosts) {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		List<Long> records = new ArrayList<>(hosts);
		var task = this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, hosts));
		task.records().forEach((r) -> records.add(r.recordId()));
		List<Map<String, Object>> events = new ArrayList<>(hosts * 5);
		Instant time = Instant.parse("2026-11-28T02:00:00Z");
		for (int sub = 0; sub < Fixtures.AGENT_SUBS.size(); sub++) {
			for (long record : records) {
				if (sub == 0) {
					events.add(Fixtures.event(record, 0, "RUNNING", time));
				}
				events.add(Fixtures.event(record, sub, "SUCCESS", time.plusSeconds(sub + 1), "[x INFO] done " + sub));
			}
		}
		long started = System.nanoTime();
		for (int from = 0; from < events.size(); from += 1_000) {
			this.fixtures.send(events.subList(from, Math.min(events.size(), from + 1_000)));
		}
		long took = System.nanoTime() - started;
		assertThat(records).hasSize(hosts);
		return new long[] { took, events.size() };
	}

}
