package io.subwatch.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers 503 itself when a request failed because the database cannot be reached (a Galera node died, no connection
 * within the pool's timeout). It sits outside the session filter: the container's error page would load the session
 * from that same database, fail again and send a bare 500. API paths get the envelope (code 3800503), pages a short
 * page asking to retry; both with {@code Retry-After: 1} and the request id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final JsonMapper json;

	DatabaseUnavailableFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!DatabaseUnavailable.in(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("{} {} failed, database unavailable: {}", request.getMethod(), request.getRequestURI(),
					ex.toString());
			response.reset();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "1");
			response.setCharacterEncoding("UTF-8");
			String requestId = String.valueOf(RequestIdFilter.current());
			if (ApiPaths.matches(request)) {
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				this.json.writeValue(response.getOutputStream(),
						ApiResponse.error(ErrorCode.BUSY, "database unavailable; retry in a moment"));
			}
			else {
				response.setContentType(MediaType.TEXT_HTML_VALUE);
				response.getWriter()
					.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>503 · subwatch</title></head>"
							+ "<body><h1>Temporarily unavailable</h1><p>The database cannot be reached right now. "
							+ "Reload the page in a moment.</p><p>Request id " + HtmlUtils.htmlEscape(requestId)
							+ "</p></body></html>");
			}
		}
	}

}
