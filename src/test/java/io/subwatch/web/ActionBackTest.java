package io.subwatch.web;

import java.util.Set;

import io.subwatch.audit.AuditDao;
import io.subwatch.result.OperatorActions;
import io.subwatch.security.BizScope;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.ResultScenario;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The page an action returns to ({@code back}) is a path of this site, redirected to literally: braces are not URI
 * template variables (they once made a done termination answer 500), and anything leading elsewhere goes to "/".
 */
@IntegrationTest
class ActionBackTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	AuditDao audit;

	Pages pages;

	ResultScenario scenario;

	RequestPostProcessor operator;

	@BeforeEach
	void setUp() {
		this.pages = new Pages(this.mvc);
		this.scenario = new ResultScenario(this.fixtures, this.actions);
		this.operator = TestUsers.operator(BizScope.of(Set.of(this.scenario.bizId)));
	}

	@Test
	void aTerminationWithBracesInBackTerminatesAndRedirectsThereLiterally() {
		MvcResult done = this.pages.perform(post("/subscriptions/" + this.scenario.subscriptionId + "/terminate")
			.param("matching", "true")
			.param("task", String.valueOf(this.scenario.firstTask))
			.param("status", "RUNNING")
			.param("token", "t-braces-" + System.nanoTime())
			.param("back", "/x/{id}/{foo}"), this.operator);
		assertThat(done.getResponse().getStatus()).isEqualTo(302);
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/x/{id}/{foo}");
		assertThat(this.audit.findRecentBySubscription(this.scenario.subscriptionId, 1).get(0).action())
			.isEqualTo("TERMINATE");
	}

	@Test
	void aCraftedConfirmLinkWithBracesRedirectsLiterally() {
		MvcResult redirect = this.pages.perform(get("/subscriptions/" + this.scenario.subscriptionId + "/confirm")
			.param("action", "retry")
			.param("mode", "selected")
			.param("back", "/subscriptions/{id}?q={q}"), this.operator);
		assertThat(redirect.getResponse().getStatus()).isEqualTo(302);
		assertThat(redirect.getResponse().getRedirectedUrl()).isEqualTo("/subscriptions/{id}?q={q}");
		Pages.Page confirmation = Pages.page(this.pages.perform(get("/subscriptions/"
				+ this.scenario.subscriptionId + "/confirm")
			.param("action", "retry")
			.param("mode", "all")
			.param("back", "/x/{id}"), this.operator));
		assertThat(confirmation.status()).isEqualTo(200);
		assertThat(confirmation.attr("#confirm-form input[name=back]", "value")).isEqualTo("/x/{id}");
	}

	@Test
	void aBackLeadingElsewhereGoesHome() {
		for (String back : new String[] { "//evil.example/x", "/\\evil.example/x", "https://evil.example/",
				"javascript:alert(1)", "/a\u0001b", "/a\u007Fb", "x/y" }) {
			MvcResult redirect = this.pages.perform(get("/subscriptions/" + this.scenario.subscriptionId + "/confirm")
				.param("action", "retry")
				.param("mode", "selected")
				.param("back", back), this.operator);
			assertThat(redirect.getResponse().getRedirectedUrl()).as(back).isEqualTo("/");
		}
	}

	@Test
	void theLanguageSwitchReturnsLiterallyToo() {
		MvcResult redirect = this.pages.perform(get("/language").param("lang", "en").param("back", "/x/{y}?z={w}"),
				this.operator);
		assertThat(redirect.getResponse().getStatus()).isEqualTo(302);
		assertThat(redirect.getResponse().getRedirectedUrl()).isEqualTo("/x/{y}?z={w}");
		assertThat(this.pages.perform(get("/language").param("back", "//evil.example"), this.operator)
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/");
	}

}
