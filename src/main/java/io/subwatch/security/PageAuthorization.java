package io.subwatch.security;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.UriUtils;

/**
 * The rule for every page not matched by a more specific one: signed-in users pass (their {@link Access} then limits
 * what each page shows); a share-link visitor passes only for reading its own subscription's pages (GET or HEAD under
 * {@code /subscriptions/{id}}, or, for a link of one instance, under {@code /subscriptions/{id}/instances/{instanceId}})
 * and never its share-links page. A denied share-link visitor outside its link gets the 404 page ({@link WebEntryPoint}).
 */
class PageAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication current = authentication.get();
		if (current == null || !this.trust.isAuthenticated(current)) {
			return new AuthorizationDecision(false);
		}
		if (current.getPrincipal() instanceof ShareLinkPrincipal link) {
			return new AuthorizationDecision(sharedPage(context.getRequest(), link));
		}
		return new AuthorizationDecision(true);
	}

	static boolean sharedPage(HttpServletRequest request, ShareLinkPrincipal link) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return false;
		}
		String[] segments = segments(request);
		return withinLink(request, link) && !(segments.length > 3 && "share-links".equals(segments[3]));
	}

	/**
	 * Whether the path lies inside what the link shows (its subscription, or its one instance), whatever the method:
	 * outside it, the visitor is told "not found" rather than "forbidden", like for a missing page.
	 */
	static boolean withinLink(HttpServletRequest request, ShareLinkPrincipal link) {
		String[] segments = segments(request);
		if (segments.length < 3 || !segments[0].isEmpty() || !"subscriptions".equals(segments[1])
				|| !String.valueOf(link.subscriptionId()).equals(segments[2])) {
			return false;
		}
		if (link.instanceId() == null) {
			return true;
		}
		return segments.length > 4 && "instances".equals(segments[3])
				&& link.instanceId().equals(UriUtils.decode(segments[4], StandardCharsets.UTF_8));
	}

	private static String[] segments(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length()).split("/", -1);
	}

}
