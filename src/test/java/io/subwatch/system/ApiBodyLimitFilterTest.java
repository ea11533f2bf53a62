package io.subwatch.system;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API bodies above the limit are refused before anyone reads them; bodies without a length stop at the limit. */
class ApiBodyLimitFilterTest {

	final ApiBodyLimitFilter filter = new ApiBodyLimitFilter(DataSize.ofBytes(16), JsonMapper.builder().build());

	@Test
	void aDeclaredLengthAboveTheLimitIs413WithTheEnvelope() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/events");
		request.setContent(new byte[17]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, response, chain);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("\"result\":false").contains("larger than 16 bytes");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void aBodyWithoutALengthFailsToReadPastTheLimit() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/backend/api/subscription/task_result/") {
			@Override
			public long getContentLengthLong() {
				return -1;
			}
		};
		request.setContent(new byte[40]);
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThatThrownBy(() -> chain.getRequest().getInputStream().readAllBytes()).isInstanceOf(IOException.class)
			.hasMessageContaining("larger than 16 bytes");
	}

	@Test
	void pagesAreNotItsConcern() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/subscriptions/1/retry");
		request.setContent(new byte[40]);
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
	}

}
