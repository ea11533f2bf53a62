package io.subwatch.security;

import java.util.List;

import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Pages, API answers and assets carry the security headers; HTTPS requests also get HSTS. */
@IntegrationTest
class SecurityHeadersTest {

	@Autowired
	MockMvc mvc;

	@Test
	void everyKindOfResponseCarriesTheHeaders() throws Exception {
		for (MockHttpServletRequestBuilder request : List.of(get("/login"), get("/admin/users").with(TestUsers.admin()),
				get("/backend/api/subscription/task_result/"), get("/assets/css/security.css"), get("/s/ended"))) {
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			String csp = response.getHeader("Content-Security-Policy");
			assertThat(csp).contains("frame-ancestors 'none'").contains("object-src 'none'");
			String scripts = csp.replaceAll(".*script-src ([^;]*).*", "$1");
			assertThat(scripts).isEqualTo("'self'").doesNotContain("unsafe-inline");
			assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
			assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
			assertThat(response.getHeader("Strict-Transport-Security")).as("not over plain HTTP").isNull();
		}
	}

	@Test
	void httpsResponsesAddStrictTransportSecurity() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/login").secure(true)).andReturn().getResponse();
		assertThat(response.getHeader("Strict-Transport-Security")).contains("max-age=");
	}

	@Test
	void pagesAreNotCached() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/admin/users").with(TestUsers.admin()))
			.andReturn()
			.getResponse();
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
	}

}
