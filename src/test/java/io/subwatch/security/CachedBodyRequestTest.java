package io.subwatch.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The body read to find credentials is served again, blocking or through a read listener (async reading). */
class CachedBodyRequestTest {

	private static final byte[] BODY = "{\"bk_app_code\": \"a\", \"事件\": 1}".getBytes(StandardCharsets.UTF_8);

	@Test
	void theBodyCanBeReadAgainAsBytesAndAsText() throws IOException {
		CachedBodyRequest request = new CachedBodyRequest(new MockHttpServletRequest("POST", "/api/v1/events"), BODY);
		assertThat(request.getInputStream().readAllBytes()).isEqualTo(BODY);
		assertThat(request.getReader().readLine()).isEqualTo(new String(BODY, StandardCharsets.UTF_8));
		assertThat(request.getContentLengthLong()).isEqualTo(BODY.length);
	}

	@Test
	void aReadListenerIsToldTheDataIsThereThenThatAllWasRead() throws IOException {
		CachedBodyRequest request = new CachedBodyRequest(new MockHttpServletRequest("POST", "/api/v1/events"), BODY);
		ServletInputStream in = request.getInputStream();
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		List<String> calls = new ArrayList<>();
		in.setReadListener(new ReadListener() {
			@Override
			public void onDataAvailable() throws IOException {
				calls.add("available");
				byte[] buffer = new byte[8];
				while (in.isReady() && !in.isFinished()) {
					read.write(buffer, 0, in.read(buffer, 0, buffer.length));
				}
			}

			@Override
			public void onAllDataRead() {
				calls.add("all read");
			}

			@Override
			public void onError(Throwable failure) {
				calls.add("error");
			}
		});
		assertThat(calls).containsExactly("available", "all read");
		assertThat(read.toByteArray()).isEqualTo(BODY);
	}

}
