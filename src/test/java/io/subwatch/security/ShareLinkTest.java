package io.subwatch.security;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.subwatch.audit.AuditDao;
import io.subwatch.audit.AuditEntry;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Share links from creation to their end: an operator creates one on the share-links page, a visitor opens it, reads
 * only that subscription (or instance), can do nothing else, and is out once it is revoked or expired.
 */
@IntegrationTest
class ShareLinkTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SecurityFixtures security;

	@Autowired
	AuditDao audit;

	@Autowired
	JdbcClient jdbc;

	long bizId;

	long subscriptionId;

	long otherSubscriptionId;

	List<String> instances;

	@BeforeEach
	void setUp() {
		this.bizId = this.fixtures.newBizId();
		this.subscriptionId = this.fixtures.subscription(this.bizId);
		this.instances = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(this.bizId, 2))
			.records()
			.stream()
			.map((r) -> r.instanceId())
			.toList();
		this.otherSubscriptionId = this.fixtures.subscription(this.bizId);
	}

	@Test
	void anOperatorCreatesALinkThatOpensAReadOnlySessionOfThatSubscription() throws Exception {
		String token = create(this.subscriptionId, "7", "");
		MockHttpSession visitor = open(token, "/subscriptions/" + this.subscriptionId);
		this.mvc.perform(get("/subscriptions/{id}/probe", this.subscriptionId).session(visitor))
			.andExpect(status().isOk())
			.andExpect(content().string("subscription " + this.subscriptionId + " as share-link"));
		// outside the link: the pages' 404 (forwarded to; ShareLinkNotFoundTest follows it through the real server)
		for (String page : List.of("/subscriptions/" + this.otherSubscriptionId + "/probe", "/", "/admin/users",
				"/admin/applications")) {
			this.mvc.perform(get(page).session(visitor)).andExpect(forwardedUrl("/not-found"));
		}
		this.mvc.perform(post("/subscriptions/{id}/terminate", this.otherSubscriptionId).session(visitor).with(csrf()))
			.andExpect(forwardedUrl("/not-found"));
		// inside it, what a link may not do stays "forbidden"
		this.mvc.perform(post("/subscriptions/{id}/probe", this.subscriptionId).session(visitor).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/subscriptions/{id}/share-links", this.subscriptionId).session(visitor))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/subscriptions/{id}/share-links", this.subscriptionId).session(visitor).with(csrf()))
			.andExpect(status().isForbidden());
		List<AuditEntry> entries = this.audit.findRecentBySubscription(this.subscriptionId, 5);
		assertThat(entries).extracting(AuditEntry::action).containsSubsequence("SHARE_LINK_USED", "SHARE_LINK_CREATED");
		assertThat(entries.get(1).actor()).isEqualTo("operator");
	}

	@Test
	void aLinkOfOneInstanceShowsOnlyThatInstance() throws Exception {
		String instance = this.instances.get(0);
		String token = create(this.subscriptionId, "1", instance);
		String encoded = UriUtils.encodePathSegment(instance, "UTF-8");
		MockHttpSession visitor = open(token, "/subscriptions/" + this.subscriptionId + "/instances/" + encoded);
		this.mvc.perform(get(URI.create("/subscriptions/" + this.subscriptionId + "/instances/" + encoded + "/probe")).session(visitor))
			.andExpect(status().isOk());
		String other = UriUtils.encodePathSegment(this.instances.get(1), "UTF-8");
		this.mvc.perform(get(URI.create("/subscriptions/" + this.subscriptionId + "/instances/" + other + "/probe")).session(visitor))
			.andExpect(forwardedUrl("/not-found"));
		this.mvc.perform(get("/subscriptions/{id}/probe", this.subscriptionId).session(visitor))
			.andExpect(forwardedUrl("/not-found"));
	}

	@Test
	void aRevokedLinkStopsWorkingInTheOpenSessionToo() throws Exception {
		String token = create(this.subscriptionId, "7", "");
		MockHttpSession visitor = open(token, "/subscriptions/" + this.subscriptionId);
		long linkId = linkId(token);
		this.mvc.perform(post("/subscriptions/{id}/share-links/{linkId}/revoke", this.subscriptionId, linkId)
			.with(TestUsers.operator(BizScope.of(Set.of(this.bizId))))
			.with(csrf())).andExpect(redirectedUrl("/subscriptions/" + this.subscriptionId + "/share-links"));
		this.mvc.perform(get("/subscriptions/{id}/probe", this.subscriptionId).session(visitor)
			.header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/s/ended"));
		assertThat(visitor.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
		this.mvc.perform(get("/s/{token}", token)).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("id=\"share-ended\"")));
		assertThat(this.audit.findRecentBySubscription(this.subscriptionId, 1).get(0).action())
			.isEqualTo("SHARE_LINK_REVOKED");
	}

	@Test
	void anExpiredLinkStopsWorkingInTheOpenSessionToo() throws Exception {
		String token = create(this.subscriptionId, "7", "");
		MockHttpSession visitor = open(token, "/subscriptions/" + this.subscriptionId);
		this.jdbc.sql("UPDATE share_link SET expires_at = :past WHERE id = :id")
			.param("past", io.subwatch.subscription.DbTime.toDb(Instant.now().minusSeconds(60)))
			.param("id", linkId(token))
			.update();
		this.mvc.perform(get("/subscriptions/{id}/probe", this.subscriptionId).session(visitor))
			.andExpect(redirectedUrl("/s/ended"));
		this.mvc.perform(get("/s/ended")).andExpect(status().isGone());
		this.mvc.perform(get("/s/{token}", token)).andExpect(status().isNotFound());
	}

	@Test
	void unknownAndExpiredTokensGetTheSameNotFoundPage() throws Exception {
		String expired = Secrets.random(32);
		this.security.shareLink(expired, this.subscriptionId, null, Instant.now().minusSeconds(1));
		for (String token : List.of(expired, Secrets.random(32), "short")) {
			this.mvc.perform(get("/s/{token}", token))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("id=\"share-ended\"")));
		}
	}

	@Test
	void aSignedInUserWhoCanReadItKeepsTheirOwnSession() throws Exception {
		String token = create(this.subscriptionId, "7", "");
		UserAccount viewer = this.security.user(Role.VIEWER, BizScope.of(Set.of(this.bizId)));
		MockHttpSession session = SecurityFixtures.signIn(this.mvc, viewer.username(), SecurityFixtures.PASSWORD,
				SecurityFixtures.address());
		this.mvc.perform(get("/s/{token}", token).session(session))
			.andExpect(redirectedUrl("/subscriptions/" + this.subscriptionId));
		this.mvc.perform(get("/subscriptions/{id}/probe", this.subscriptionId).session(session))
			.andExpect(content().string(containsString("as " + viewer.username())));
	}

	@Test
	void theShareLinksPageNeedsAnOperatorOfTheBusiness() throws Exception {
		String page = "/subscriptions/" + this.subscriptionId + "/share-links";
		this.mvc.perform(get(page)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get(page).with(TestUsers.viewer(BizScope.of(Set.of(this.bizId)))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(page).with(TestUsers.operator(BizScope.of(Set.of(this.bizId + 1)))))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(page).with(TestUsers.operator(BizScope.of(Set.of(this.bizId + 1)))).with(csrf()))
			.andExpect(status().isNotFound());
		create(this.subscriptionId, "3", "");
		this.mvc.perform(get(page).with(TestUsers.operator(BizScope.of(Set.of(this.bizId)))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"share-links\"")))
			.andExpect(content().string(containsString("<td>operator</td>")));
		this.mvc.perform(get(page).with(TestUsers.admin())).andExpect(status().isOk());
		this.mvc.perform(post(page).with(TestUsers.operator(BizScope.of(Set.of(this.bizId)))))
			.andExpect(status().isForbidden());
	}

	@Test
	void badExpiryOrInstanceIsRefusedWithAMessage() throws Exception {
		for (String[] input : new String[][] { { "0", "" }, { "91", "" }, { "soon", "" },
				{ "7", "host|instance|host|does-not-exist" } }) {
			MvcResult result = this.mvc.perform(post("/subscriptions/{id}/share-links", this.subscriptionId)
				.param("days", input[0])
				.param("instanceId", input[1])
				.with(TestUsers.operator(BizScope.of(Set.of(this.bizId))))
				.with(csrf())).andReturn();
			assertThat(result.getFlashMap().get(Notice.ATTRIBUTE)).as(String.join(",", input))
				.isInstanceOfSatisfying(Notice.class, (n) -> assertThat(n.error()).isTrue());
			assertThat(result.getFlashMap().get("createdUrl")).isNull();
		}
	}

	@Test
	void aNewLinkExpiresAfterSevenDaysByDefaultAndTheTokenIsNotStored() throws Exception {
		MvcResult result = this.mvc.perform(post("/subscriptions/{id}/share-links", this.subscriptionId)
			.with(TestUsers.operator(BizScope.of(Set.of(this.bizId))))
			.with(csrf())).andReturn();
		String url = (String) result.getFlashMap().get("createdUrl");
		String token = url.substring(url.lastIndexOf('/') + 1);
		assertThat(token).hasSizeGreaterThanOrEqualTo(43);
		var row = this.jdbc.sql("SELECT token_hash, created_at, expires_at FROM share_link WHERE token_hash = :hash")
			.param("hash", Secrets.sha256(token))
			.query((rs, n) -> List.of(rs.getString(1), rs.getObject(2, java.time.LocalDateTime.class),
					rs.getObject(3, java.time.LocalDateTime.class)))
			.single();
		assertThat(row.get(0)).isNotEqualTo(token);
		assertThat(java.time.Duration.between((java.time.LocalDateTime) row.get(1), (java.time.LocalDateTime) row.get(2)))
			.isEqualTo(java.time.Duration.ofDays(7));
	}

	/** Creates a link through the page as an operator of the business; returns its token. */
	private String create(long subscriptionId, String days, String instanceId) throws Exception {
		MvcResult result = this.mvc.perform(post("/subscriptions/{id}/share-links", subscriptionId)
			.param("days", days)
			.param("instanceId", instanceId)
			.with(TestUsers.operator(BizScope.of(Set.of(this.bizId))))
			.with(csrf())).andExpect(redirectedUrl("/subscriptions/" + subscriptionId + "/share-links")).andReturn();
		String url = (String) result.getFlashMap().get("createdUrl");
		assertThat(url).as("flash %s", result.getFlashMap()).startsWith("http://localhost/s/");
		return url.substring(url.lastIndexOf('/') + 1);
	}

	/** Opens the link as an anonymous visitor; returns the share session. */
	private MockHttpSession open(String token, String expectedTarget) throws Exception {
		MvcResult result = this.mvc.perform(get("/s/{token}", token)).andExpect(redirectedUrl(expectedTarget)).andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		assertThat(session).isNotNull();
		return session;
	}

	private long linkId(String token) {
		return this.jdbc.sql("SELECT id FROM share_link WHERE token_hash = :hash")
			.param("hash", Secrets.sha256(token))
			.query(Long.class)
			.single();
	}

}
