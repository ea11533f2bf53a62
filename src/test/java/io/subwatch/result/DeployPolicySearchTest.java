package io.subwatch.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * search_deploy_policy in NodeMan's shape: policies only, by business scope, conditions and pages; bad input is a
 * 3800001 in the envelope.
 */
@IntegrationTest
class DeployPolicySearchTest {

	private static final String URL = "/backend/api/subscription/search_deploy_policy/";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Fixtures fixtures;

	@Autowired
	IngestService ingest;

	@Autowired
	IngestRequests requests;

	private Api api;

	private long biz1;

	private long biz2;

	private long biz3;

	private long spanning;

	private long ownBusiness;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc, this.json);
		this.biz1 = this.fixtures.newBizId();
		this.biz2 = this.fixtures.newBizId();
		this.biz3 = this.fixtures.newBizId();
		this.spanning = subscription("collect logs", this.biz1, "policy", "bkunifylogbeat", List.of(this.biz1, this.biz2));
		this.ownBusiness = subscription("base report", this.biz3, "policy", "basereport", null);
		subscription("install agents", this.biz1, "once", null, List.of(this.biz1));
	}

	private long subscription(String name, long bizId, String category, String plugin, List<Long> scope) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("bk_biz_id", bizId);
		body.put("category", category);
		if (plugin != null) {
			body.put("plugin_name", plugin);
		}
		if (scope != null) {
			body.put("bk_biz_scope", scope);
		}
		body.put("steps", List.of(Map.of("id", "plugin", "type", "PLUGIN")));
		return this.ingest.createSubscription(this.requests.subscription(this.json.valueToTree(body)), Fixtures.SYSTEM);
	}

	private JsonNode search(Map<String, Object> params) {
		JsonNode answer = this.api.post(URL, params);
		assertThat(answer.get("result").asBoolean()).as(answer.toString()).isTrue();
		return answer.get("data");
	}

	private static List<Long> ids(JsonNode data) {
		return data.get("list").valueStream().map((row) -> row.get("id").asLong()).toList();
	}

	@Test
	void listsThePoliciesWhoseBusinessScopeMeetsTheBusinesses() {
		JsonNode data = search(Map.of("bk_biz_ids", List.of(this.biz2)));
		assertThat(data.get("total").asInt()).isEqualTo(1);
		JsonNode row = data.get("list").get(0);
		assertThat(row.get("id").asLong()).isEqualTo(this.spanning);
		assertThat(row.get("name").asString()).isEqualTo("collect logs");
		assertThat(row.get("plugin_name").asString()).isEqualTo("bkunifylogbeat");
		assertThat(row.get("bk_biz_scope")).hasSize(2);
		assertThat(row.get("enable").asBoolean()).isTrue();
		assertThat(row.get("expand").asBoolean()).isFalse();
		assertThat(row.get("creator").asString()).isNotBlank();
		assertThat(row.get("update_time").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
		// the one-off subscription of biz1 is never listed; a policy without a scope spans its own business
		assertThat(ids(search(Map.of("bk_biz_ids", List.of(this.biz1))))).containsExactly(this.spanning);
		assertThat(ids(search(Map.of("bk_biz_ids", List.of(this.biz3))))).containsExactly(this.ownBusiness);
	}

	@Test
	void filtersByConditionsAndPages() {
		List<Long> both = List.of(this.biz1, this.biz3);
		assertThat(ids(search(Map.of("bk_biz_ids", both, "pagesize", -1)))).containsExactly(this.spanning,
				this.ownBusiness);
		JsonNode second = search(Map.of("bk_biz_ids", both, "page", 2, "pagesize", 1));
		assertThat(second.get("total").asInt()).isEqualTo(2);
		assertThat(ids(second)).containsExactly(this.ownBusiness);
		assertThat(ids(search(Map.of("bk_biz_ids", both, "conditions",
				List.of(Map.of("key", "query", "value", "report")))))).containsExactly(this.ownBusiness);
		assertThat(ids(search(Map.of("bk_biz_ids", both, "conditions",
				List.of(Map.of("key", "plugin_name", "value", List.of("bkunifylogbeat"))))))).containsExactly(this.spanning);
		assertThat(ids(search(Map.of("bk_biz_ids", both, "conditions",
				List.of(Map.of("key", "id", "value", this.ownBusiness)))))).containsExactly(this.ownBusiness);
	}

	@Test
	void badInputIsRefusedInTheEnvelope() {
		for (Map<String, Object> bad : List.of(Map.<String, Object>of("bk_biz_ids", List.of()),
				Map.<String, Object>of("bk_biz_ids", "x"), Map.<String, Object>of("pagesize", 0),
				Map.<String, Object>of("page", 0), Map.<String, Object>of("conditions", "x"),
				Map.<String, Object>of("conditions", List.of(Map.of("value", 1))))) {
			JsonNode answer = this.api.post(URL, bad);
			assertThat(answer.get("result").asBoolean()).as(bad.toString()).isFalse();
			assertThat(answer.get("code").asInt()).as(bad.toString()).isEqualTo(3800001);
		}
		JsonNode get = this.api.get(URL);
		assertThat(get.get("code").asInt()).isEqualTo(3800405);
	}

}
