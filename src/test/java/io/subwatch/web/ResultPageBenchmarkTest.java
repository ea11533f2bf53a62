package io.subwatch.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.ingest.IngestService.CreatedRecord;
import io.subwatch.security.BizScope;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Server time of the subscription page and its poll with 100,000 hosts in one task (docs/benchmarks.md). Off by
 * default; run with {@code ./mvnw test -Dtest=ResultPageBenchmarkTest -Dsubwatch.bench=true} (add
 * {@code -Dspring.datasource.url=… } and credentials for MySQL/MariaDB).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "subwatch.bench", matches = "true")
class ResultPageBenchmarkTest {

	static final int HOSTS = Integer.getInteger("subwatch.bench.hosts", 100_000);

	static final int BATCH = 5000;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	IngestService ingest;

	@Autowired
	IngestRequests requests;

	@Autowired
	SubscriptionPages subscriptionPages;

	@Test
	void aFiftyRowPageStaysFastWithAHundredThousandHosts() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		long taskId = this.ingest.createTask(subscriptionId,
				this.requests.task(this.fixtures.json().valueToTree(Map.of("ready", false))), Fixtures.SYSTEM).taskId();
		List<CreatedRecord> records = new ArrayList<>(HOSTS);
		List<String> ips = new ArrayList<>();
		long started = System.nanoTime();
		for (int from = 0; from < HOSTS; from += BATCH) {
			List<Map<String, Object>> hosts = this.fixtures.hosts(bizId, Math.min(BATCH, HOSTS - from));
			records.addAll(this.ingest.addInstances(taskId,
					this.requests.instances(this.fixtures.json().valueToTree(Map.of("instances", hosts))), Fixtures.SYSTEM).records());
			if (ips.size() < 200) {
				hosts.stream().limit(200 - ips.size()).forEach((h) -> ips.add(ip(h)));
			}
		}
		this.ingest.markReady(taskId, this.requests.readyError(this.fixtures.json().createObjectNode()), Fixtures.SYSTEM);
		Instant time = Instant.parse("2026-11-28T02:00:00Z");
		for (int from = 0; from < HOSTS; from += BATCH) {
			List<Map<String, Object>> events = new ArrayList<>(BATCH);
			for (int i = from; i < Math.min(HOSTS, from + BATCH); i++) {
				long recordId = records.get(i).recordId();
				int kind = i % 100;
				if (kind < 90) {
					events.add(Fixtures.event(recordId, 3, "SUCCESS", time, "[x INFO] ok"));
				}
				else if (kind < 95) {
					events.add(Fixtures.event(recordId, 2, "FAILED", time, "[x ERROR] refused"));
				}
				else if (kind < 98) {
					events.add(Fixtures.event(recordId, 1, "RUNNING", time));
				}
			}
			this.fixtures.send(events);
		}
		System.out.printf("BENCH data: %,d hosts loaded in %.1f s%n", HOSTS, (System.nanoTime() - started) / 1e9);

		RequestPostProcessor user = TestUsers.viewer(BizScope.of(Set.of(bizId)));
		String base = "/subscriptions/" + subscriptionId;
		io.subwatch.security.Access access = io.subwatch.security.Access.of("viewer", "viewer",
				BizScope.of(Set.of(bizId)), BizScope.NONE);
		ResultQuery first = ResultQuery.parse(subscriptionId, null, null, null, null, null);
		Pages warmUp = new Pages(this.mvc);
		for (int i = 0; i < 200; i++) {
			warmUp.perform(get(URI.create(base + "?page=" + (1 + i % 7))), user);
		}
		time("queries of page 1 (no rendering)", () -> this.subscriptionPages.load(subscriptionId, first, access, null));
		long firstPage = measure("page 1 of 2,000 (50 rows)", base, user);
		measure("page 1,000", base + "?page=1000", user);
		measure("last page", base + "?page=2000", user);
		measure("status=FAILED, page 50", base + "?status=FAILED&page=50", user);
		measure("status=FAILED+RUNNING, page 1", base + "?status=FAILED&status=RUNNING", user);
		measure("status=FAILED+RUNNING, page 150", base + "?status=FAILED&status=RUNNING&page=150", user);
		measure("200 pasted IPs", base + "?q=" + String.join("%20", ips), user);
		measure("host-name prefix search", base + "?q=host-", user);
		measure("all tasks aggregated, page 1", base + "?task=all", user);
		measure("200 rows", base + "?size=200", user);
		measure("order=longest, page 1 (3,000 running)", base + "?order=longest", user);
		measure("order=longest, page 100 (past them)", base + "?order=longest&page=100", user);
		measure("stuck=1 (3,000 stuck), page 1", base + "?stuck=1", user);
		String poll = new Pages(this.mvc).get(base, user).attr("#counters", "hx-get");
		long median = measure("poll, nothing changed (204)", poll, user);
		measure("poll, changed version (full regions)", poll.replaceAll("v=[0-9a-f]+", "v=x"), user);
		measure("subscription list", "/", user);
		measure("instance page", Href.instance(subscriptionId, records.get(95).instanceId()).toString(), user);
		assertThat(firstPage).as("median server time of a 50-row page").isLessThan(100_000_000L);
		assertThat(median).as("median server time of an unchanged poll").isLessThan(50_000_000L);
	}

	private void time(String name, Runnable work) {
		for (int i = 0; i < 10; i++) {
			work.run();
		}
		long[] times = new long[30];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			work.run();
			times[i] = System.nanoTime() - start;
		}
		Arrays.sort(times);
		System.out.printf("BENCH %-40s            median %6.1f ms  p95 %6.1f ms%n", name, times[15] / 1e6,
				times[28] / 1e6);
	}

	/** Median and 95th percentile of 30 requests after 10 warm-ups; returns the median in nanoseconds. */
	private long measure(String name, String url, RequestPostProcessor user) {
		Pages pages = new Pages(this.mvc);
		int status = 0;
		for (int i = 0; i < 10; i++) {
			status = pages.perform(get(URI.create(url)), user).getResponse().getStatus();
		}
		long[] times = new long[30];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			pages.perform(get(URI.create(url)), user);
			times[i] = System.nanoTime() - start;
		}
		Arrays.sort(times);
		System.out.printf("BENCH %-40s status %d  median %6.1f ms  p95 %6.1f ms%n", name, status, times[15] / 1e6,
				times[28] / 1e6);
		assertThat(status).as(name).isIn(200, 204);
		return times[15];
	}

	@SuppressWarnings("unchecked")
	private static String ip(Map<String, Object> instance) {
		Map<String, Object> info = (Map<String, Object>) instance.get("instance_info");
		return (String) ((Map<String, Object>) info.get("host")).get("bk_host_innerip");
	}

}
