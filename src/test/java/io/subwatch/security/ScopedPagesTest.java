package io.subwatch.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every page, fragment and action under {@code /subscriptions/{id}}, whoever wrote it: an operator of another business
 * gets 404 (it must not learn that the subscription exists), a viewer of the right business cannot post, and an
 * operator of the right business is let through. A new path variable needs a value in {@link #values}.
 */
@IntegrationTest
class ScopedPagesTest {

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

	@Autowired
	MockMvc mvc;

	@Autowired
	List<RequestMappingInfoHandlerMapping> mappings;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SecurityFixtures security;

	long bizId;

	Map<String, String> values;

	@BeforeEach
	void setUp() {
		this.bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(this.bizId);
		CreatedTask task = this.fixtures.task(subscriptionId, this.fixtures.hosts(this.bizId, 1));
		long linkId = this.security.shareLink(Secrets.random(32), subscriptionId, null,
				Instant.now().plusSeconds(3600));
		String id = String.valueOf(subscriptionId);
		this.values = Map.of("id", id, "subscriptionId", id, "instanceId", task.records().get(0).instanceId(),
				"taskId", String.valueOf(task.taskId()), "recordId", String.valueOf(task.records().get(0).recordId()),
				"linkId", String.valueOf(linkId));
	}

	@Test
	void anotherBusinessSees404AViewerCannotActTheRightOperatorPasses() throws Exception {
		RequestPostProcessor stranger = TestUsers.operator(BizScope.of(Set.of(this.bizId + 1)));
		RequestPostProcessor viewer = TestUsers.viewer(BizScope.of(Set.of(this.bizId)));
		RequestPostProcessor operator = TestUsers.operator(BizScope.of(Set.of(this.bizId)));
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (RequestMappingInfoHandlerMapping mapping : this.mappings) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				for (String pattern : info.getPatternValues()) {
					if (!pattern.startsWith("/subscriptions/{")) {
						continue;
					}
					Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
					for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
						URI uri = expand(pattern);
						checked++;
						int asStranger = call(method, uri, stranger).getStatus();
						if (asStranger != 404) {
							wrong.add(method + " " + pattern + ": another business got " + asStranger + ", not 404");
						}
						if (method != RequestMethod.GET && method != RequestMethod.HEAD) {
							int asViewer = call(method, uri, viewer).getStatus();
							if (asViewer != 403) {
								wrong.add(method + " " + pattern + ": a viewer got " + asViewer + ", not 403");
							}
						}
						MockHttpServletResponse asOperator = call(method, uri, operator);
						if (Set.of(401, 403, 404).contains(asOperator.getStatus())
								|| "/login".equals(asOperator.getRedirectedUrl())) {
							wrong.add(method + " " + pattern + ": the right operator got " + asOperator.getStatus());
						}
					}
				}
			}
		}
		assertThat(checked).as("endpoints under /subscriptions/{id}").isGreaterThanOrEqualTo(3);
		assertThat(wrong).isEmpty();
	}

	private MockHttpServletResponse call(RequestMethod method, URI uri, RequestPostProcessor user) throws Exception {
		MvcResult result = this.mvc.perform(request(HttpMethod.valueOf(method.name()), uri).with(user).with(csrf()))
			.andReturn();
		// A streamed download finishes on another thread: wait for it, so no request outlives its check.
		return result.getRequest().isAsyncStarted() ? this.mvc.perform(asyncDispatch(result)).andReturn().getResponse()
				: result.getResponse();
	}

	private URI expand(String pattern) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder url = new StringBuilder();
		while (matcher.find()) {
			String value = this.values.get(matcher.group(1));
			assertThat(value).as("a value for {%s} of %s in ScopedPagesTest.values", matcher.group(1), pattern)
				.isNotNull();
			matcher.appendReplacement(url,
					Matcher.quoteReplacement(UriUtils.encodePathSegment(value, StandardCharsets.UTF_8)));
		}
		matcher.appendTail(url);
		return URI.create(url.toString());
	}

}
