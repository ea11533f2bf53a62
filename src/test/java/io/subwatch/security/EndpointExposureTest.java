package io.subwatch.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nothing answers without credentials: every mapped endpoint of every request-mapping handler mapping (controllers,
 * actuator, error), with every method it accepts, is called anonymously (with a valid CSRF token, so only
 * authorization decides) and must answer 401 (API) or redirect to the login page. The only exceptions are the login
 * page and share-link entry pages; static assets are checked to stay public. Actuator is not on this port at all
 * (ManagementPortTest).
 */
@IntegrationTest
class EndpointExposureTest {

	/** Reachable without signing in, on purpose. */
	private static final Set<String> PUBLIC = Set.of("/login", "/language", "/time-zone", "/s/{token}", "/s/ended");

	private static final Map<String, String> VALUES = Map.of("stage", "prod", "token", "not-a-token");

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

	@Autowired
	MockMvc mvc;

	@Autowired
	List<RequestMappingInfoHandlerMapping> mappings;

	@Test
	void noMappedEndpointAnswersAnonymously() throws Exception {
		List<String> exposed = new ArrayList<>();
		int checked = 0;
		for (RequestMappingInfoHandlerMapping mapping : this.mappings) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					if (PUBLIC.contains(pattern)) {
						continue;
					}
					for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST)
							: methods) {
						String url = expand(pattern);
						MockHttpServletResponse response = this.mvc
							.perform(request(HttpMethod.valueOf(method.name()), url).with(csrf()))
							.andReturn()
							.getResponse();
						checked++;
						if (!refused(response)) {
							exposed.add(method + " " + url + " (" + pattern + ") -> " + response.getStatus());
						}
					}
				}
			}
		}
		assertThat(checked).as("endpoints checked").isGreaterThan(60);
		assertThat(exposed).as("endpoints reachable anonymously").isEmpty();
	}

	@Test
	void loginStaticAssetsAndShareEntryStayPublic() throws Exception {
		this.mvc.perform(get("/login")).andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/assets/favicon.svg\"")));
		this.mvc.perform(get("/assets/css/security.css")).andExpect(status().isOk());
		this.mvc.perform(get("/assets/favicon.svg")).andExpect(status().isOk());
		this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
		this.mvc.perform(get("/s/ended")).andExpect(status().isGone());
		this.mvc.perform(get("/s/" + Secrets.random(32))).andExpect(status().isNotFound());
	}

	@Test
	void theErrorPageIsNotPublic() throws Exception {
		for (String path : List.of("/error", "/no-such-page")) {
			assertThat(refused(this.mvc.perform(get(path)).andReturn().getResponse())).as(path).isTrue();
		}
	}

	/** 401 from the API chain, or the page chain's redirect to the login form. */
	private static boolean refused(MockHttpServletResponse response) throws Exception {
		if (response.getStatus() == 401) {
			return true;
		}
		return response.getStatus() == 302 && "/login".equals(response.getRedirectedUrl());
	}

	private static String expand(String pattern) {
		Matcher matcher = VARIABLE.matcher(pattern.replace("/**", "/x").replace("/*", "/x"));
		StringBuilder url = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(url, VALUES.getOrDefault(matcher.group(1), "1"));
		}
		matcher.appendTail(url);
		return url.toString();
	}

}
