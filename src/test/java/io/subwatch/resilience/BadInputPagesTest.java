package io.subwatch.resilience;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Bad input at every page form and search, signed in as an admin with a valid CSRF token: hostile values in every
 * parameter get a page (or a redirect with a message), never a 5xx; what they echo is escaped; and nothing stored
 * changes. The subscription has finished every host and the admin forms always carry one value they must refuse (a
 * user name or application code with a quote, a share-link lifetime that is not a number), so no form may act.
 */
@IntegrationTest
class BadInputPagesTest {

	private static final int PROBES = 300;

	private static final String SEED = "132027";

	/** A form or search, its parameters, and the parameter always sent with a value it must refuse (or null). */
	record Form(String method, String path, List<String> params, String refused) {
	}

	static final List<String> ACTION = List.of("action", "mode", "instance", "matching", "task", "status", "q", "back",
			"expected", "token", "reason");

	static final List<String> FILTER = List.of("task", "status", "q", "page", "size");

	static final List<Form> FORMS = List.of(new Form("POST", "/subscriptions/{sub}/confirm", ACTION, null),
			new Form("GET", "/subscriptions/{sub}/confirm", ACTION, null),
			new Form("POST", "/subscriptions/{sub}/retry", ACTION, null),
			new Form("POST", "/subscriptions/{sub}/terminate", ACTION, null),
			new Form("GET", "/subscriptions/{sub}", FILTER, null),
			new Form("GET", "/subscriptions/{sub}/counters", List.of("task", "status", "q", "page", "size", "v"), null),
			new Form("GET", "/subscriptions/{sub}/hosts.csv", FILTER, null),
			new Form("GET", "/subscriptions/{sub}/hosts.json", FILTER, null),
			new Form("GET", "/", List.of("biz", "status", "name", "page", "size"), null),
			new Form("GET", "/subscriptions/live", List.of("id", "v"), null),
			new Form("GET", "/subscriptions/{sub}/instances/{instance}", List.of("task", "step", "sub"), null),
			new Form("GET", "/subscriptions/{sub}/instances/{instance}/log", List.of("task", "step", "sub"), null),
			new Form("GET", "/subscriptions/{sub}/instances/{instance}/retry-node", List.of("task", "back"), null),
			new Form("POST", "/subscriptions/{sub}/instances/{instance}/retry-node", List.of("token", "back"), null),
			new Form("POST", "/subscriptions/{sub}/share-links", List.of("instanceId"), "days"),
			new Form("POST", "/admin/users", List.of("password", "role", "allBusinesses", "businesses"), "username"),
			new Form("POST", "/admin/users/{missing}",
					List.of("role", "allBusinesses", "businesses", "enabled"), null),
			new Form("POST", "/admin/applications",
					List.of("description", "readAll", "writeAll", "read", "write"), "appCode"),
			new Form("POST", "/admin/applications/{missing}",
					List.of("description", "readAll", "writeAll", "read", "write", "enabled"), null),
			new Form("POST", "/account/password", List.of("current", "password", "repeated"), null),
			new Form("GET", "/time-zone", List.of("zone", "back"), null),
			new Form("GET", "/language", List.of("lang", "back"), null));

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void hostileFormsAndSearchesGetAPageAndChangeNothing() throws Exception {
		long bizId = this.fixtures.newBizId();
		long subscription = this.fixtures.subscription(bizId);
		CreatedTask task = this.fixtures.task(subscription, this.fixtures.hosts(bizId, 3));
		List<Map<String, Object>> events = new ArrayList<>();
		task.records()
			.forEach((r) -> events.addAll(Fixtures.finish(r.recordId(), -1, Instant.parse("2026-11-28T02:00:00Z"))));
		this.fixtures.send(events);
		String instance = task.records().get(0).instanceId();
		String before = StoredData.fingerprint(this.jdbc);
		JqwikSession.start(SEED);
		try {
			Random random = JqwikSession.getRandom().orElseThrow();
			Arbitrary<String> values = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, HostileInput.text()),
					net.jqwik.api.Tuple.of(1, Arbitraries.of(instance, String.valueOf(task.taskId()), "ONE", "ALL",
							"MATCHING", "retry", "terminate", "true", "FAILED", "-1", "0", "99999999999")),
					net.jqwik.api.Tuple.of(1, Arbitraries.of(new String(new byte[] { (byte) 0xC3, (byte) 0x28,
							(byte) 0xFF }, StandardCharsets.ISO_8859_1), "\uD800", "a\u0000b")));
			MockHttpSession session = new MockHttpSession();
			for (int probe = 0; probe < PROBES; probe++) {
				Form form = FORMS.get(probe % FORMS.size());
				String path = UriComponentsBuilder.fromPath(form.path())
					.buildAndExpand(Map.of("sub", subscription, "missing", 999_999_999L, "instance",
							(random.nextInt(3) == 0) ? HostileInput.draw(HostileInput.text(), random) : instance))
					.encode()
					.toUriString();
				MockHttpServletRequestBuilder request = form.method().equals("GET") ? MockMvcRequestBuilders.get(path)
						: MockMvcRequestBuilders.post(path);
				StringBuilder shown = new StringBuilder(form.method() + " " + path);
				int count = 1 + random.nextInt(form.params().size());
				for (int i = 0; i < count; i++) {
					String name = form.params().get(random.nextInt(form.params().size()));
					String value = HostileInput.draw(values, random);
					request.param(name, value);
					shown.append(' ').append(name).append('=').append(value, 0, Math.min(60, value.length()));
				}
				if (form.refused() != null) {
					String value = "'" + HostileInput.draw(values, random);
					request.param(form.refused(), value);
				}
				MockHttpServletResponse answer = this.mvc
					.perform(request.session(session).with(TestUsers.admin()).with(csrf()))
					.andReturn()
					.getResponse();
				String body = answer.getContentAsString(StandardCharsets.UTF_8);
				assertThat(answer.getStatus()).as("status of %s: %s", shown,
						body.substring(0, Math.min(600, body.length())))
					.isLessThan(500);
				assertThat(body).as("answer to %s", shown).doesNotContain("<script>alert(1)</script>");
			}
		}
		finally {
			JqwikSession.finish();
		}
		assertThat(StoredData.fingerprint(this.jdbc)).as("stored data after %d hostile forms", PROBES)
			.isEqualTo(before);
	}

}
