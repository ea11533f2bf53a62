package io.subwatch.system;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token (a proxy's or client's own id,
 * so one id follows the request through every hop), otherwise a new random one. It is put in the logging context
 * ({@code request_id}: in every log line, plain or JSON), echoed in the {@code X-Request-Id} response header, and
 * shown in every API error envelope and error page, so a report of a failure leads to its log lines. First of all
 * filters, and again on the error dispatch (same id), whose page and log lines belong to the same request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

	/** The header read and echoed. */
	public static final String HEADER = "X-Request-Id";

	/** The logging-context (MDC) key, and the request attribute the error pages read ({@code ${requestId}}). */
	public static final String MDC_KEY = "request_id";

	static final String ATTRIBUTE = "requestId";

	/** Letters, digits and {@code . _ : -}, at most 64: nothing that could forge a log line or a header. */
	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (request.getAttribute(ATTRIBUTE) instanceof String known) ? known : chosen(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, id);
		if (!response.isCommitted()) {
			response.setHeader(HEADER, id);
		}
		String outer = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (outer != null) {
				MDC.put(MDC_KEY, outer);
			}
			else {
				MDC.remove(MDC_KEY);
			}
		}
	}

	static String chosen(String header) {
		if (header != null && SANE.matcher(header).matches()) {
			return header;
		}
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** The current request's id, or null outside a request (a background job). */
	public static String current() {
		return MDC.get(MDC_KEY);
	}

}
