package io.subwatch.result;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.subwatch.security.BizScope;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The OpenAPI description lists exactly the JSON API routes: every mapped route under an API prefix is in it (the
 * task_result family as one path per endpoint it answers, under the canonical prefix; its alias prefixes are not) and
 * nothing else is, not a page. It and Swagger UI are for signed-in users, and the UI runs under the CSP that forbids
 * inline scripts.
 */
@IntegrationTest
class ApiDescriptionTest {

	/** Where the JSON APIs live (SecurityConfig's API chain); everything else is pages. */
	private static final List<String> API_PREFIXES = List.of("/api/", "/backend/", "/system/backend/", "/v2/nodeman/");

	private static final String FAMILY_ROUTE = ApiDescriptionConfig.CANONICAL_PREFIX + "{name}/";

	private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
			"patch", "trace");

	@Autowired
	MockMvc mvc;

	@Autowired
	List<RequestMappingInfoHandlerMapping> mappings;

	@Test
	void theDescriptionHasExactlyTheApiRoutes() throws Exception {
		assertThat(described()).as("operations in /v3/api-docs vs. mapped API routes")
			.containsExactlyElementsOf(mapped())
			.contains("POST /api/v1/events", "GET /backend/api/subscription/task_result/",
					"POST /backend/api/subscription/statistic/");
	}

	@Test
	void theDescriptionAndTheUiNeedASignedInUser() throws Exception {
		for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
				"/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js")) {
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).as(path).isEqualTo("/login");
		}
	}

	@Test
	void swaggerUiLoadsOnlyItsOwnScriptsUnderTheCsp() throws Exception {
		MockHttpServletResponse welcome = this.mvc.perform(get("/swagger-ui.html").with(viewer()))
			.andReturn()
			.getResponse();
		assertThat(welcome.getRedirectedUrl()).endsWith("/swagger-ui/index.html");
		MockHttpServletResponse index = this.mvc.perform(get("/swagger-ui/index.html").with(viewer()))
			.andReturn()
			.getResponse();
		assertThat(index.getStatus()).isEqualTo(200);
		assertThat(index.getHeader("Content-Security-Policy")).contains("script-src 'self';");
		List<Element> scripts = Jsoup.parse(index.getContentAsString()).select("script");
		assertThat(scripts).isNotEmpty().allSatisfy((script) -> {
			assertThat(script.data()).as("inline script").isBlank();
			assertThat(script.attr("src")).as("same-origin script").startsWith("./");
		});
		for (Element script : scripts) {
			String src = "/swagger-ui/" + script.attr("src").substring(2);
			MockHttpServletResponse asset = this.mvc.perform(get(src).with(viewer())).andReturn().getResponse();
			assertThat(asset.getStatus()).as(src).isEqualTo(200);
		}
		String config = this.mvc.perform(get("/v3/api-docs/swagger-config").with(viewer()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(config).contains("/v3/api-docs").doesNotContain("petstore");
	}

	private Set<String> described() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/v3/api-docs").with(viewer()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String text = response.getContentAsString();
		// the caller's grants are resolved from the credentials, never a parameter a client would send
		assertThat(text).doesNotContain("\"actor\"").doesNotContain("\"access\"");
		JsonNode paths = JsonMapper.builder().build().readTree(text).path("paths");
		Set<String> operations = new TreeSet<>();
		for (String path : paths.propertyNames()) {
			for (String method : paths.path(path).propertyNames()) {
				if (HTTP_METHODS.contains(method)) {
					operations.add(method.toUpperCase() + " " + path);
				}
			}
		}
		return operations;
	}

	/**
	 * "METHOD path" of every mapped API route. The task_result family's one route (the endpoint's name as a variable,
	 * under every alias prefix) counts as its canonical path for each endpoint it answers, with that endpoint's
	 * methods; catch-alls ({@code /**}, the envelope's 404) are not routes.
	 */
	private Set<String> mapped() {
		Set<String> operations = new TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : this.mappings) {
			mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
				Set<String> patterns = info.getPatternValues();
				if (patterns.contains(FAMILY_ROUTE)) {
					for (SubscriptionEndpoint endpoint : SubscriptionEndpoint.values()) {
						if (endpoint.supported()) {
							endpoint.methods()
								.forEach((method) -> operations.add(method + " "
										+ FAMILY_ROUTE.replace("{name}", endpoint.path())));
						}
					}
					return;
				}
				for (String pattern : patterns) {
					if (API_PREFIXES.stream().anyMatch(pattern::startsWith) && !pattern.contains("**")) {
						Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
						assertThat(methods).as("methods of " + pattern).isNotEmpty();
						methods.forEach((method) -> operations.add(method.name() + " " + pattern));
					}
				}
			});
		}
		return operations;
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor viewer() {
		return TestUsers.viewer(BizScope.ALL);
	}

}
