package io.subwatch.mirror;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.subwatch.SubwatchApplication;
import io.subwatch.audit.AuditDao;
import io.subwatch.audit.AuditEntry;
import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.result.OperatorActions;
import io.subwatch.security.BizScope;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two subwatch applications in one JVM: a source on its own port and database (in-memory H2, or in the MySQL run a
 * second MySQL/MariaDB database, see {@link SourceDatabase}), fed through its ingest
 * services, and this test's application mirroring it through the source's NodeMan API. After each sync, task_result
 * of every task and the aggregated view answer the same on both, field by field for every record (ids and pipeline
 * ids aside, which are each side's own).
 */
@IntegrationTest
class MirrorTwoAppsTest {

	/** Unique per run: the source's ids start at 1 in every run, and the MySQL database outlives runs. */
	private static final String SOURCE = "upstream-" + UUID.randomUUID().toString().substring(0, 8);

	private static final int HOSTS = 2_000;

	private static ConfigurableApplicationContext source;

	private static long sourceSubscription;

	private static long bizId;

	/** A policy of another business, mirrored because the source lists it for bk-biz-ids. */
	private static long sourcePolicy;

	private static long sourcePolicyTask;

	@Autowired
	MirrorSync sync;

	@Autowired
	MirrorDao dao;

	@Autowired
	MockMvc mvc;

	@Autowired
	MirrorProperties properties;

	@Autowired
	TaskMirror tasks;

	@Autowired
	IngestService ingest;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Clock clock;

	@Autowired
	JsonMapper json;

	@Autowired
	AuditDao audit;

	private Api mirror;

	private NodemanClient sourceApi;

	@DynamicPropertySource
	static void startSource(DynamicPropertyRegistry registry) {
		source = new SpringApplicationBuilder(SubwatchApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + SourceDatabase.URL,
					"--spring.datasource.username=" + SourceDatabase.USER,
					"--spring.datasource.password=" + SourceDatabase.PASSWORD, "--subwatch.jobs.enabled=false");
		Fixtures fixtures = source.getBean(Fixtures.class);
		bizId = fixtures.newBizId();
		sourceSubscription = fixtures.subscription(bizId);
		long policyBiz = fixtures.newBizId();
		sourcePolicy = source.getBean(IngestService.class)
			.createSubscription(source.getBean(IngestRequests.class)
				.subscription(source.getBean(JsonMapper.class)
					.valueToTree(Map.of("name", "collect " + policyBiz, "bk_biz_id", policyBiz, "category", "policy",
							"plugin_name", "bkunifylogbeat", "bk_biz_scope", List.of(policyBiz),
							"steps", List.of(Map.of("id", "agent", "type", "AGENT"))))), Fixtures.SYSTEM);
		CreatedTask policyTask = fixtures.task(sourcePolicy, fixtures.hosts(policyBiz, 3));
		sourcePolicyTask = policyTask.taskId();
		for (var record : policyTask.records()) {
			fixtures.send(Fixtures.finish(record.recordId(), -1, Instant.parse("2026-11-28T01:00:00Z")));
		}
		String url = "http://localhost:" + source.getEnvironment().getProperty("local.server.port");
		registry.add("subwatch.mirror.sources[0].bk-biz-ids[0]", () -> policyBiz);
		registry.add("subwatch.mirror.sources[0].name", () -> SOURCE);
		registry.add("subwatch.mirror.sources[0].base-url", () -> url);
		registry.add("subwatch.mirror.sources[0].app-code", () -> Api.APP_CODE);
		registry.add("subwatch.mirror.sources[0].app-secret", () -> Api.APP_SECRET);
		registry.add("subwatch.mirror.sources[0].subscription-ids[0]", () -> sourceSubscription);
		// an id the source does not have (yet) is skipped, not an error
		registry.add("subwatch.mirror.sources[0].subscription-ids[1]", () -> 987_654_321L);
		registry.add("subwatch.mirror.sources[0].max-requests-per-second", () -> 1000);
	}

	/**
	 * The source's own database: in the MySQL run (this test's application on MySQL/MariaDB), the database of
	 * {@code SUBWATCH_TEST_MYSQL_SOURCE_URL} when set (test.sh sets it, a second database on the same server;
	 * {@code SUBWATCH_TEST_MYSQL_SOURCE_USER}/{@code _PASSWORD} default to the mirror's), else an in-memory H2.
	 */
	private static final class SourceDatabase {

		static final boolean MYSQL = "mysql".equals(System.getProperty("subwatch.test.database"))
				&& !System.getenv().getOrDefault("SUBWATCH_TEST_MYSQL_SOURCE_URL", "").isBlank();

		static final String URL = MYSQL ? System.getenv("SUBWATCH_TEST_MYSQL_SOURCE_URL")
				: "jdbc:h2:mem:mirror-source-" + UUID.randomUUID()
						+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

		static final String USER = MYSQL ? env("SUBWATCH_TEST_MYSQL_SOURCE_USER", "SUBWATCH_TEST_MYSQL_USER") : "sa";

		static final String PASSWORD = MYSQL ? env("SUBWATCH_TEST_MYSQL_SOURCE_PASSWORD", "SUBWATCH_TEST_MYSQL_PASSWORD")
				: "";

		private static String env(String name, String fallback) {
			String value = System.getenv(name);
			return (value != null && !value.isBlank()) ? value : System.getenv().getOrDefault(fallback, "");
		}

	}

	@AfterAll
	static void stopSource() {
		if (source != null) {
			source.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.mirror = new Api(this.mvc, this.json);
		this.sourceApi = new NodemanClient(this.sync.sources().get(0), this.json);
	}

	@Test
	void mirrorsFailuresRetriesLiveChangesAndSurvivesTheSourceGoingAway() throws Exception {
		Fixtures fixtures = source.getBean(Fixtures.class);
		OperatorActions actions = source.getBean(OperatorActions.class);
		CreatedTask first = fixtures.task(sourceSubscription, fixtures.hosts(bizId, HOSTS));
		Instant start = Instant.parse("2026-11-28T02:00:00Z");
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < HOSTS; i++) {
			long record = first.records().get(i).recordId();
			if (i % 10 == 3) {
				events.addAll(Fixtures.finish(record, 2, start.plusSeconds(i)));
			}
			else if (i % 10 == 7) {
				events.add(Fixtures.event(record, 1, "RUNNING", start.plusSeconds(i)));
			}
			else if (i % 10 != 9) {
				events.addAll(Fixtures.finish(record, -1, start.plusSeconds(i)));
			}
		}
		// the events API takes at most 5,000 events a request
		for (int from = 0; from < events.size(); from += 5_000) {
			fixtures.send(events.subList(from, Math.min(events.size(), from + 5_000)));
		}
		long retry = actions.retry(sourceSubscription, null, null, Fixtures.SYSTEM).taskId();
		List<Map<String, Object>> retried = new ArrayList<>();
		for (int i = 0; i < HOSTS; i += 20) {
			retried.addAll(Fixtures.finish(fixtures.recordId(retry, first.records().get(i + 3).instanceId()), -1,
					start.plusSeconds(900)));
		}
		fixtures.send(retried);

		MirrorState state = this.sync.sync(SOURCE);
		assertThat(state.lastError()).isNull();
		assertThat(state.requests()).isPositive();
		assertSameAnswers(List.of(first.taskId(), retry));
		long mirrored = this.dao.findSubscription(SOURCE, sourceSubscription).orElseThrow();
		// listed by the source for bk-biz-ids (its search_deploy_policy), not named in subscription-ids
		assertThat(this.dao.findSubscription(SOURCE, sourcePolicy)).isPresent();
		assertThat(this.dao.findTasks(SOURCE, sourcePolicy)).extracting(MirrorDao.MirroredTask::sourceId)
			.containsExactly(sourcePolicyTask);
		Element notice = notice(mirrored);
		assertThat(notice.text()).startsWith("Mirrored from " + SOURCE + ", synced ");
		assertThat(notice.select(".mirror-error")).isEmpty();

		// Live: the running hosts finish but one, which is revoked; the next sync brings both.
		List<Map<String, Object>> live = new ArrayList<>();
		for (int i = 17; i < HOSTS; i += 10) {
			live.addAll(Fixtures.finish(first.records().get(i).recordId(), -1, start.plusSeconds(1800)));
		}
		fixtures.send(live);
		actions.revoke(sourceSubscription, List.of(first.records().get(7).instanceId()), "stop", Fixtures.SYSTEM);
		assertThat(this.sync.sync(SOURCE).lastError()).isNull();
		assertSameAnswers(List.of(first.taskId(), retry));
		assertThat(this.dao.findTasks(SOURCE, sourceSubscription)).hasSize(2);

		// A sync without changes reads counters only and creates nothing.
		long before = this.dao.findState(SOURCE).orElseThrow().requests();
		this.sync.sync(SOURCE);
		assertThat(this.dao.findState(SOURCE).orElseThrow().requests() - before).isLessThan(10);
		assertThat(this.dao.findTasks(SOURCE, sourceSubscription)).hasSize(2);

		// After a restart (a new syncer, state only in the database) nothing is created twice.
		new MirrorSync(this.properties, this.dao, this.tasks, this.ingest, this.json, this.tx, this.clock).sync(SOURCE);
		assertThat(this.dao.findTasks(SOURCE, sourceSubscription)).hasSize(2);
		assertSameAnswers(List.of(first.taskId(), retry));

		// A rerun still being created on the source is not mirrored until it is ready, then it is, as partial.
		IngestService sourceIngest = source.getBean(IngestService.class);
		List<Map<String, Object>> rerun = List.of(fixtures.host(bizId), fixtures.host(bizId));
		long building = sourceIngest.createTask(sourceSubscription, source.getBean(IngestRequests.class)
			.task(this.json.valueToTree(Map.of("ready", false, "partial", true, "instances", rerun))), Fixtures.SYSTEM)
			.taskId();
		assertThat(this.sync.sync(SOURCE).lastError()).isNull();
		assertThat(this.dao.findTasks(SOURCE, sourceSubscription)).hasSize(2);
		sourceIngest.markReady(building, null, Fixtures.SYSTEM);
		fixtures.send(Fixtures.finish(fixtures.recordId(building, (String) rerun.get(0).get("instance_id")), 1,
				start.plusSeconds(3600)));
		assertThat(this.sync.sync(SOURCE).lastError()).isNull();
		assertThat(this.dao.findTasks(SOURCE, sourceSubscription)).hasSize(3);
		assertSameAnswers(List.of(first.taskId(), retry, building));

		long nodeRetried = actionsOnTheMirrorReachTheSource(mirrored, first.records().get(7).instanceId());
		assertSameAnswers(List.of(first.taskId(), retry, building, nodeRetried));

		// The source goes away: the error is recorded, the mirrored data stays as it was.
		JsonNode kept = aggregate(this.mirror.taskResult(aggregateParams(mirrored)).get("data"));
		Instant lastSuccess = this.dao.findState(SOURCE).orElseThrow().lastSuccess();
		source.close();
		MirrorState failed = this.sync.sync(SOURCE);
		assertThat(failed.lastError()).contains("unreachable");
		assertThat(failed.lastSuccess()).isEqualTo(lastSuccess);
		assertThat(aggregate(this.mirror.taskResult(aggregateParams(mirrored)).get("data"))).isEqualTo(kept);
		assertThat(notice(mirrored).select(".mirror-error").text()).contains("The source is failing", "unreachable");

		// An action while the source is away: a clear refusal in the envelope, and in the audit.
		JsonNode refused = this.mirror.post("/backend/api/subscription/retry/", Map.of("subscription_id", mirrored,
				"instance_id_list", List.of((String) rerun.get(0).get("instance_id"))));
		assertThat(this.mirror.lastStatus).isEqualTo(200);
		assertThat(refused.get("result").asBoolean()).isFalse();
		assertThat(refused.get("code").asInt()).isEqualTo(3800504);
		assertThat(refused.get("message").asString()).contains(SOURCE, "unreachable");
		AuditEntry entry = this.audit.findRecentBySubscription(mirrored, 1).get(0);
		assertThat(entry.action()).isEqualTo("RETRY");
		assertThat(entry.detail()).contains("sent to " + SOURCE + ", refused", "unreachable");
	}

	/**
	 * retry_node through the mirror's API and terminate from its pages, both done by the source; returns the source
	 * task the retry_node made.
	 */
	private long actionsOnTheMirrorReachTheSource(long mirrored, String terminatedHost) throws Exception {
		JsonNode answer = this.mirror.post("/backend/api/subscription/retry_node/",
				Map.of("subscription_id", mirrored, "instance_id", terminatedHost));
		assertThat(answer.get("result").asBoolean()).as(answer.toString()).isTrue();
		JsonNode data = answer.get("data");
		assertThat(data.get("mirrored_from").asString()).isEqualTo(SOURCE);
		assertThat(data.get("task_id").isNull()).isTrue();
		long sourceTask = data.get("source_task_id").asLong();
		List<JsonNode> rows = this.sourceApi
			.taskResult(Map.of("subscription_id", sourceSubscription, "task_id_list", List.of(sourceTask)))
			.rows();
		assertThat(rows).singleElement().satisfies((row) -> assertThat(row.get("instance_id").asString())
			.isEqualTo(terminatedHost));
		AuditEntry audited = this.audit.findRecentBySubscription(mirrored, 1).get(0);
		assertThat(audited.action()).isEqualTo("RETRY_NODE");
		assertThat(audited.detail()).contains(terminatedHost, "sent to " + SOURCE, "\"task_id\":" + sourceTask);
		Fixtures fixtures = source.getBean(Fixtures.class);
		fixtures.send(List.of(Fixtures.event(fixtures.recordId(sourceTask, terminatedHost), 1, "RUNNING",
				Instant.parse("2026-11-28T03:00:00Z"))));
		assertThat(this.sync.sync(SOURCE).lastError()).isNull();
		assertThat(this.dao.findTasks(SOURCE, sourceSubscription)).hasSize(4);

		// Terminate that host, running again, from the mirror's pages: same confirmation, the source does it.
		long failedBefore = sourceCounter("FAILED");
		RequestPostProcessor operator = TestUsers.operator(BizScope.of(Set.of(bizId)));
		MockHttpSession session = new MockHttpSession();
		Document page = html(get("/subscriptions/" + mirrored + "?status=RUNNING"), operator, session);
		Document confirmation = html(get(URI.create(page.select("#host-rows .row-action-danger").first().attr("href"))), operator,
				session);
		assertThat(confirmation.select("#confirm-count").text()).isEqualTo("1 host will be terminated.");
		MockHttpServletRequestBuilder submit = post(confirmation.select("#confirm-form").attr("action"));
		confirmation.select("#confirm-form input[type=hidden]").forEach((input) -> submit.param(input.attr("name"),
				input.val()));
		MvcResult done = this.mvc.perform(submit.session(session).with(operator).with(csrf())).andReturn();
		String flash = String.valueOf(done.getFlashMap().get("flash"));
		assertThat(done.getResponse().getStatus()).isEqualTo(302);
		assertThat(sourceCounter("FAILED")).as(flash).isEqualTo(failedBefore + 1);
		assertThat(this.audit.findRecentBySubscription(mirrored, 1).get(0).detail()).contains("sent to " + SOURCE);
		Document result = html(get(URI.create(done.getResponse().getRedirectedUrl())).flashAttrs(done.getFlashMap()), operator,
				session);
		assertThat(result.select("#flash").text())
			.isEqualTo("Sent to " + SOURCE + ": it terminates 1 host; they show as terminated here with the next sync.");
		assertThat(this.sync.sync(SOURCE).lastError()).isNull();
		return sourceTask;
	}

	private long sourceCounter(String status) {
		JsonNode counter = this.sourceApi.taskResult(Map.of("subscription_id", sourceSubscription,
				"need_aggregate_all_tasks", true, "page", 1, "pagesize", 1)).counter();
		return counter.path(status).asLong(0);
	}

	private Document html(MockHttpServletRequestBuilder request, RequestPostProcessor user, MockHttpSession session)
			throws Exception {
		MvcResult result = this.mvc.perform(request.session(session).with(user)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private Element notice(long subscription) throws Exception {
		String html = this.mvc
			.perform(get("/subscriptions/" + subscription).with(TestUsers.viewer(BizScope.of(Set.of(bizId)))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Element notice = Jsoup.parse(html).selectFirst("#mirror-notice");
		assertThat(notice).as(html).isNotNull();
		return notice;
	}

	private void assertSameAnswers(List<Long> sourceTasks) {
		long local = this.dao.findSubscription(SOURCE, sourceSubscription).orElseThrow();
		Map<Long, Long> localTasks = new TreeMap<>();
		this.dao.findTasks(SOURCE, sourceSubscription).forEach((t) -> localTasks.put(t.sourceId(), t.taskId()));
		for (long task : sourceTasks) {
			List<JsonNode> expected = this.sourceApi.taskResult(detailParams(sourceSubscription, task)).rows();
			JsonNode answer = this.mirror.taskResult(detailParams(local, localTasks.get(task)));
			assertThat(answer.get("result").asBoolean()).as(answer.toString()).isTrue();
			Map<String, JsonNode> actual = byInstance(answer.get("data").get("list"));
			assertThat(actual).hasSize(expected.size());
			for (JsonNode row : expected) {
				assertThat(actual.get(row.get("instance_id").asString())).isEqualTo(withoutIds(row));
			}
		}
		NodemanClient.TaskPage sourceAggregate = this.sourceApi.taskResult(aggregateParams(sourceSubscription));
		JsonNode mirrorAggregate = this.mirror.taskResult(aggregateParams(local)).get("data");
		assertThat(mirrorAggregate.get("status_counter")).isEqualTo(sourceAggregate.counter());
		assertThat(aggregate(mirrorAggregate)).isEqualTo(aggregate(
				this.json.valueToTree(Map.of("list", sourceAggregate.rows()))));
	}

	private Map<String, JsonNode> byInstance(JsonNode list) {
		Map<String, JsonNode> rows = new TreeMap<>();
		list.forEach((row) -> rows.put(row.get("instance_id").asString(), withoutIds(row)));
		return rows;
	}

	private JsonNode aggregate(JsonNode data) {
		return this.json.valueToTree(byInstance(data.get("list")));
	}

	/** A row without the ids each side gives on its own: task, record and pipeline ids. */
	private JsonNode withoutIds(JsonNode row) {
		JsonNode copy = row.deepCopy();
		strip(copy);
		return copy;
	}

	private static void strip(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.remove(List.of("task_id", "record_id", "pipeline_id"));
		}
		node.forEach(MirrorTwoAppsTest::strip);
	}

	private static Map<String, Object> detailParams(long subscription, long task) {
		return Map.of("subscription_id", subscription, "task_id_list", List.of(task), "need_detail", true,
				"return_all", true);
	}

	private static Map<String, Object> aggregateParams(long subscription) {
		return Map.of("subscription_id", subscription, "need_aggregate_all_tasks", true,
				"need_out_of_scope_snapshots", false, "need_detail", true, "return_all", true);
	}

}
