package io.subwatch.system;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import io.subwatch.ingest.EventService;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.reset;

/**
 * The API under pressure: a lock that stays taken answers "busy, retry" (503), times stay exact in a JVM zone with
 * daylight saving, and wrong credentials are slowed down.
 */
@IntegrationTest
class ApiRobustnessTest {

	static TimeZone original;

	@BeforeAll
	static void newYork() {
		original = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
	}

	@AfterAll
	static void restore() {
		TimeZone.setDefault(original);
	}

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@MockitoSpyBean
	EventService events;

	@Test
	void aLockThatStaysTakenAnswersBusyRetryAndChangesNothing() {
		willThrow(new CannotAcquireLockException("lock wait timeout")).given(this.events).apply(any(), any());
		try {
			Api api = new Api(this.mvc, this.json);
			JsonNode busy = api.post("/api/v1/events", Map.of("events", List.of()));
			assertThat(api.lastStatus).isEqualTo(503);
			assertThat(busy.get("code").asInt()).isEqualTo(3800503);
			assertThat(busy.get("message").asString()).contains("nothing was changed, retry");
		}
		finally {
			reset(this.events);
		}
	}

	@Test
	void timesInTheJvmZonesDaylightSavingGapAreStoredExactly() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		long record = this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, 1)).records().get(0).recordId();
		// 02:30 UTC on 8 March 2026 is a wall time that does not exist in New York (clocks jump from 2:00 to 3:00)
		this.fixtures.send(List.of(Fixtures.event(record, 0, "RUNNING", Instant.parse("2026-03-08T02:30:00Z")),
				Fixtures.event(record, 0, "SUCCESS", Instant.parse("2026-03-08T02:30:05Z")),
				Fixtures.event(record, 1, "RUNNING", Instant.parse("2026-03-08T03:10:00Z"))));
		JsonNode subs = new Api(this.mvc, this.json).taskResult(Map.of("subscription_id", subscriptionId, "pagesize", 1))
			.get("data").get("list").get(0).get("steps").get(0).get("target_hosts").get(0).get("sub_steps");
		assertThat(subs.get(0).get("start_time").asString()).isEqualTo("2026-03-08 10:30:00");
		assertThat(subs.get(0).get("finish_time").asString()).isEqualTo("2026-03-08 10:30:05");
		assertThat(subs.get(1).get("start_time").asString()).isEqualTo("2026-03-08 11:10:00");
	}

	@Test
	void repeatedWrongCredentialsFromOneAddressAreSlowedDown() throws Exception {
		int status = 0;
		for (int attempt = 0; attempt < 8 && status != 429; attempt++) {
			String secret = "guess-" + attempt;
			status = this.mvc
				.perform(MockMvcRequestBuilders.post("/backend/api/subscription/task_result/")
					.with((request) -> {
						request.setRemoteAddr("10.250.1.1");
						return request;
					})
					.contentType(MediaType.APPLICATION_JSON)
					.header("X-Bkapi-Authorization", "{\"bk_app_code\": \"guesser\", \"bk_app_secret\": \"" + secret + "\"}")
					.content("{\"subscription_id\": 1}"))
				.andReturn()
				.getResponse()
				.getStatus();
		}
		assertThat(status).as("throttled after a few wrong secrets").isEqualTo(429);
	}

}
