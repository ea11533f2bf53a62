package io.subwatch.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Where the pages send a visitor who must sign in, aware of htmx: a fragment request (a poll, a swap) must not get
 * the login page swapped into a region, so htmx is told to load a whole page instead ({@code HX-Refresh} reloads the
 * page being read, whose request then goes to the login form and back; a boosted navigation gets
 * {@code HX-Redirect} to its own URL). A share link that ended goes to the "link ended" page rather than to the login.
 * A form post whose session expired (its CSRF token died with it) is treated as "sign in again", not as a 403. A
 * share-link visitor asking for anything outside its link gets the same 404 page as for a missing subscription, so
 * the answer does not tell what exists.
 */
class WebEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String SHARE_ENDED_PATH = "/s/ended";

	/** The pages' 404 "not found" as an address (a page controller that only says so). */
	static final String NOT_FOUND_PATH = "/not-found";

	private final LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

	private final AccessDeniedHandler denied = new AccessDeniedHandlerImpl();

	static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException, ServletException {
		boolean shareEnded = request
			.getAttribute(RevalidatingSecurityContextRepository.ENDED) == RevalidatingSecurityContextRepository.Ended.SHARE_LINK;
		if (isHtmx(request)) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			if (shareEnded) {
				response.setHeader("HX-Redirect", request.getContextPath() + SHARE_ENDED_PATH);
			}
			else if ("true".equals(request.getHeader("HX-Boosted")) && "GET".equals(request.getMethod())) {
				String query = request.getQueryString();
				response.setHeader("HX-Redirect", request.getRequestURI() + ((query != null) ? "?" + query : ""));
			}
			else {
				response.setHeader("HX-Refresh", "true");
			}
			return;
		}
		if (shareEnded) {
			response.sendRedirect(request.getContextPath() + SHARE_ENDED_PATH);
			return;
		}
		this.login.commence(request, response, ex);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, ServletException {
		if (ex instanceof CsrfException && sessionExpired(request)) {
			commence(request, response, new InsufficientAuthenticationException("session expired", ex));
			return;
		}
		Authentication current = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof ShareLinkPrincipal link
				&& !PageAuthorization.withinLink(request, link)) {
			request.getRequestDispatcher(NOT_FOUND_PATH).forward(request, response);
			return;
		}
		this.denied.handle(request, response, ex);
	}

	/** The browser sent a session id that no longer names a session, or this request ended its session. */
	private static boolean sessionExpired(HttpServletRequest request) {
		return (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid())
				|| request.getAttribute(RevalidatingSecurityContextRepository.ENDED) != null;
	}

}
