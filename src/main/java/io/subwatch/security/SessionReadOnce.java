package io.subwatch.security;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request's session from the database once, not twice. Spring Session's filter saves the session as soon as
 * the response is committed (a page larger than the response buffer commits while it is written) and again at the
 * end of the request; the first save clears what it read, so the second reads the session again only to find the
 * requested id (spring-session#1910, #1731). On the result page that was a second transaction of four statements per
 * request. Around Spring Session's filter, this keeps the sessions the request read or saved, and
 * {@link ThrottledSessionRepository} answers a second read of the same id from them: the session as this request
 * saved it, which is what the database would return unless another request deleted it meanwhile, and then the only
 * difference is whether the browser is sent the cookie it already has.
 */
@Component
class SessionReadOnce extends OncePerRequestFilter implements Ordered {

	private static final ThreadLocal<Map<String, Session>> REQUEST_SESSIONS = new ThreadLocal<>();

	@Override
	public int getOrder() {
		return SessionRepositoryFilter.DEFAULT_ORDER - 1;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, Session> outer = REQUEST_SESSIONS.get();
		REQUEST_SESSIONS.set(new HashMap<>());
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (outer != null) {
				REQUEST_SESSIONS.set(outer);
			}
			else {
				REQUEST_SESSIONS.remove();
			}
		}
	}

	/** The session of this id that the current request read or saved, or null (also outside a request). */
	@SuppressWarnings("unchecked")
	static <S extends Session> S seen(String id) {
		Map<String, Session> sessions = REQUEST_SESSIONS.get();
		return (sessions != null) ? (S) sessions.get(id) : null;
	}

	/** Notes a session the current request read or saved, under its id now (nothing outside a request). */
	static void remember(Session session) {
		Map<String, Session> sessions = REQUEST_SESSIONS.get();
		if (sessions != null) {
			sessions.values().remove(session); // under an id it had before a change of id
			sessions.put(session.getId(), session);
		}
	}

	/** Forgets a session the current request deleted. */
	static void forget(String id) {
		Map<String, Session> sessions = REQUEST_SESSIONS.get();
		if (sessions != null) {
			sessions.remove(id);
		}
	}

}
