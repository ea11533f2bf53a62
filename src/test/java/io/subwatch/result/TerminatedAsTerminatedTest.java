package io.subwatch.result;

import java.util.List;
import java.util.Map;

import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.ResultScenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code subwatch.api.terminated-as=TERMINATED}: the API reports revoked hosts as stored (spec section 5). */
@IntegrationTest
@TestPropertySource(properties = "subwatch.api.terminated-as=TERMINATED")
class TerminatedAsTerminatedTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void revokedHostsAreReportedTerminated() {
		Api api = new Api(this.mvc, this.json);
		ResultScenario s = new ResultScenario(this.fixtures, this.actions);
		api.post("/backend/api/subscription/revoke/", Map.of("subscription_id", s.subscriptionId, "instance_id_list",
				List.of(s.instances.get(8))));
		JsonNode data = api.taskResult(Map.of("subscription_id", s.subscriptionId, "task_id_list",
				List.of(s.firstTask), "statuses", List.of("TERMINATED"), "pagesize", 10)).get("data");
		assertThat(data.get("total").asInt()).isEqualTo(1);
		assertThat(data.get("list").get(0).get("status").asString()).isEqualTo("TERMINATED");
		assertThat(data.get("status_counter").get("TERMINATED").asInt()).isEqualTo(1);
		assertThat(data.get("status_counter").get("FAILED").asInt()).isEqualTo(2);
		JsonNode failed = api.taskResult(Map.of("subscription_id", s.subscriptionId, "task_id_list",
				List.of(s.firstTask), "statuses", List.of("FAILED"), "pagesize", 10)).get("data");
		assertThat(failed.get("total").asInt()).isEqualTo(2);
	}

}
