package io.subwatch.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of every API request ({@code subwatch.api.max-body-size}, 64 MB: a 100,000-host task sent inline fits),
 * before anything reads it, so no caller can exhaust the heap. Runs ahead of the security filters.
 */
@Component
@Order(-200)
class ApiBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final JsonMapper json;

	ApiBodyLimitFilter(@Value("${subwatch.api.max-body-size:64MB}") org.springframework.util.unit.DataSize limit,
			JsonMapper json) {
		this.limit = limit.toBytes();
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ApiPaths.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getOutputStream(), ApiResponse.error(ErrorCode.VALIDATION,
					"the request body is larger than " + this.limit + " bytes; send large tasks in batches"));
			return;
		}
		chain.doFilter(new Limited(request, this.limit), response);
	}

	/** A request whose body stream fails once more than the limit has been read (bodies without a length). */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {
				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					count((b < 0) ? 0 : 1);
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					count(Math.max(n, 0));
					return n;
				}

				private void count(int n) throws IOException {
					this.read += n;
					if (this.read > Limited.this.limit) {
						throw new IOException("request body larger than " + Limited.this.limit + " bytes");
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}

	}

}
