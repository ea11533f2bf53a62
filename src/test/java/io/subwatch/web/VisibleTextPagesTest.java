package io.subwatch.web;

import java.util.List;
import java.util.Map;

import io.subwatch.audit.AuditDao;
import io.subwatch.security.BizScope;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names and reasons from API callers and users are shown with their bidirectional overrides written out, so
 * "‮exe.txt" cannot pass for something else: the subscription's name and creator, the audit panel, the list, the
 * signed-in user's name.
 */
@IntegrationTest
class VisibleTextPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditDao audit;

	@Test
	void bidiOverridesInNamesAndAuditTextAreShownEscaped() {
		long bizId = this.fixtures.newBizId();
		Api api = new Api(this.mvc, this.json).as(Api.APP_CODE, Api.APP_SECRET, "mallory\u202Egnp.exe");
		JsonNode created = api.post("/api/v1/subscriptions", Map.of("name", "install \u2067agent\u2069", "bk_biz_id",
				bizId, "steps", List.of(Map.of("id", "agent", "type", "AGENT"))));
		long id = created.get("data").get("subscription_id").asLong();
		this.audit.insert(java.time.Instant.now(), "eve\u202Dtxt", "TERMINATE", id, null, 1, "because\u200F\u061C");
		RequestPostProcessor user = TestUsers.as("oscar\u202Eelbon", BizScope.ALL, BizScope.ALL, "ROLE_OPERATOR", "ROLE_VIEWER");
		Pages pages = new Pages(this.mvc);

		Pages.Page page = pages.get("/subscriptions/" + id, user);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("h1")).isEqualTo("install <U+2067>agent<U+2069>");
		assertThat(page.text(".created-by")).isEqualTo("mallory<U+202E>gnp.exe");
		assertThat(page.text("#audit tbody")).contains("eve<U+202D>txt").contains("because<U+200F><U+061C>");
		assertThat(page.text(".sec-user")).isEqualTo("oscar<U+202E>elbon");
		assertThat(page.html()).doesNotContain("\u202E", "\u202D", "\u2067", "\u2069", "\u200F", "\u061C");

		Pages.Page list = pages.get("/?biz=" + bizId, user);
		assertThat(list.html()).contains("install &lt;U+2067&gt;agent&lt;U+2069&gt;").doesNotContain("\u2067");
	}

}
