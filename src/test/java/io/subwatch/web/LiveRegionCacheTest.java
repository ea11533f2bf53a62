package io.subwatch.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.subwatch.result.OperatorActions;
import io.subwatch.security.BizScope;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.MutableClockConfig;
import io.subwatch.support.ResultScenario;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Browsers polling the same view of the same state get one render: the second poll is served from the cache, with
 * the same bytes; a reader who sees the region differently (no write right, another language) gets a render of their
 * own, and a change is never answered with the region from before it. The clock stands still, so no entry expires
 * while the test runs, however slow the machine.
 */
@IntegrationTest
@Import(MutableClockConfig.class)
class LiveRegionCacheTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	LiveRegionCache cache;

	ResultScenario scenario;

	RequestPostProcessor operator;

	RequestPostProcessor viewer;

	@BeforeEach
	void setUp() {
		this.scenario = new ResultScenario(this.fixtures, this.actions);
		this.operator = TestUsers.operator(BizScope.of(Set.of(this.scenario.bizId)));
		this.viewer = TestUsers.viewer(BizScope.of(Set.of(this.scenario.bizId)));
	}

	@Test
	void oneRenderPerStateViewAndKindOfReader() throws Exception {
		// an old version, as a browser that has just missed a change carries
		String poll = "/subscriptions/" + this.scenario.subscriptionId + "/counters?task=" + this.scenario.firstTask
				+ "&v=outdated";
		long before = this.cache.size();
		String first = poll(poll, this.operator, "en");
		assertThat(first).contains("id=\"retry-failed\"");
		assertThat(this.cache.size()).isEqualTo(before + 1);

		assertThat(poll(poll, this.operator, "en")).as("served from the cache").isEqualTo(first);
		assertThat(this.cache.size()).isEqualTo(before + 1);
		String reordered = "/subscriptions/" + this.scenario.subscriptionId + "/counters?v=other&task="
				+ this.scenario.firstTask;
		assertThat(poll(reordered, this.operator, "en")).as("same view, parameters in another order").isEqualTo(first);
		assertThat(this.cache.size()).isEqualTo(before + 1);

		assertThat(poll(poll, this.viewer, "en")).as("no write right: no actions").doesNotContain("retry-failed");
		assertThat(poll(poll, this.operator, "zh-CN")).as("another language").isNotEqualTo(first);
		assertThat(this.cache.size()).isEqualTo(before + 3);

		this.fixtures.send(List.of(Fixtures.event(this.scenario.records.get(8), 2, "RUNNING",
				Instant.parse("2026-11-28T02:01:00Z"))));
		String changed = poll(poll, this.operator, "en");
		assertThat(changed).isNotEqualTo(first).contains("Running: 安装");
		assertThat(this.cache.size()).isEqualTo(before + 4);
	}

	private String poll(String uri, RequestPostProcessor user, String language) throws Exception {
		var response = this.mvc.perform(get(URI.create(uri)).header("HX-Request", "true")
			.header("Accept-Language", language)
			.with(user)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/html");
		return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
