package io.subwatch.system;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer when the database cannot be reached before a controller runs: the session (stored in the database), the
 * API credentials check or the login throttle failed in a filter. Without this the container's error page would try
 * the session again and fail again (a bare 500). Runs around every other filter, right after {@link RequestIdFilter}:
 * the API gets HTTP 503 with code 3800502, a page gets a small "try again in a moment" page with status 503.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final JsonMapper json;

	private final MessageSource messages;

	DatabaseOutageFilter(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseOutage.is(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Request {} failed, the database cannot be reached: {}", request.getRequestURI(), ex.toString());
			response.resetBuffer();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "5");
			response.setHeader("Cache-Control", "no-store");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setCharacterEncoding("UTF-8");
			if (ApiPaths.matches(request)) {
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				this.json.writeValue(response.getOutputStream(),
						ApiResponse.error(ErrorCode.DATABASE_UNAVAILABLE, DatabaseOutage.message()));
				return;
			}
			response.setHeader("Content-Security-Policy", "default-src 'none'");
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write(page(request));
		}
	}

	/** The page of templates/error/503.html without the layout (which needs the session that just failed). */
	private String page(HttpServletRequest request) {
		String title = HtmlUtils.htmlEscape(this.messages.getMessage("error.503.title", null, request.getLocale()));
		String text = HtmlUtils.htmlEscape(this.messages.getMessage("error.503.text", null, request.getLocale()));
		String requestId = RequestIdFilter.current();
		return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
				+ "<main id=\"main\"><section id=\"error-503\"><p>Error 503</p><h1>" + title + "</h1><p>" + text
				+ "</p><p><a href=\"/\">subwatch</a></p>"
				+ ((requestId != null) ? "<p>Request id " + HtmlUtils.htmlEscape(requestId) + "</p>" : "")
				+ "</section></main></body></html>\n";
	}

}
