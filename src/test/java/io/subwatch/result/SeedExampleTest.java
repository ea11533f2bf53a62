package io.subwatch.result;

import java.io.InputStream;
import java.util.Map;

import io.subwatch.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed document's example request against the demo data of a fresh database answers with the seed's response
 * structure: every key of the example, the same nesting, the same JSON types (the seed's example, whose "data" brace
 * is missing in the original, is stored corrected in seed-task-result-response.json).
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:seed-example;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"subwatch.demo.enabled=true" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SeedExampleTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void theSeedRequestReturnsTheSeedStructure() throws Exception {
		JsonNode expected;
		try (InputStream in = getClass().getResourceAsStream("/seed-task-result-response.json")) {
			expected = this.json.readTree(in);
		}
		JsonNode actual = new Api(this.mvc, this.json).post("/backend/api/subscription/task_result/",
				Map.of("bk_app_code", "esb_test", "bk_app_secret", "xxx", "bk_username", "admin", "bk_token", "xxx",
						"subscription_id", 1, "return_all", true));
		assertSameStructure(expected, actual, "$");
		JsonNode row = actual.get("data").get("list").get(0);
		assertThat(row.get("instance_id").asString()).isEqualTo("host|instance|host|127.0.0.1-0-0");
		assertThat(row.get("create_time").asString()).isEqualTo("2020-12-23 16:46:01");
		assertThat(row.get("finish_time").asString()).isEqualTo("2020-12-23 16:47:08");
		JsonNode subs = row.get("steps").get(0).get("target_hosts").get(0).get("sub_steps");
		JsonNode seedSubs = expected.get("data").get("list").get(0).get("steps").get(0).get("target_hosts").get(0)
			.get("sub_steps");
		for (int i = 0; i < 8; i++) {
			for (String key : new String[] { "index", "node_name", "status", "start_time", "finish_time" }) {
				assertThat(subs.get(i).get(key)).as("sub_steps[%d].%s", i, key).isEqualTo(seedSubs.get(i).get(key));
			}
		}
		assertThat(actual.get("data").get("status_counter")).isEqualTo(expected.get("data").get("status_counter"));
	}

	private static void assertSameStructure(JsonNode expected, JsonNode actual, String path) {
		assertThat(actual).as(path).isNotNull();
		assertThat(actual.getNodeType()).as(path + " type").isEqualTo(expected.getNodeType());
		if (expected.isObject()) {
			for (String key : expected.propertyNames()) {
				assertSameStructure(expected.get(key), actual.get(key), path + "." + key);
			}
		}
		else if (expected.isArray() && !expected.isEmpty()) {
			assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertSameStructure(expected.get(i), actual.get(i), path + "[" + i + "]");
			}
		}
	}

}
