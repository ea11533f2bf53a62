package io.subwatch.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Sessions as Spring Security keeps them, checked again on every request: a user's principal is rebuilt from the
 * database (new role or grants apply at once; a disabled user, or one whose password changed, is signed out), and a
 * share link must still be valid (revoked or expired: the session ends). An ended session loses its security context
 * and the request continues anonymously, marked with {@link #ENDED} so the entry point can tell why. Only what comes from the
 * HTTP session is checked; {@link #create} puts the request-attribute repository (same-request dispatches, test
 * principals) in front of it.
 */
class RevalidatingSecurityContextRepository implements SecurityContextRepository {

	/** Request attribute: the {@link Ended} reason when this request ended its session. */
	static final String ENDED = RevalidatingSecurityContextRepository.class.getName() + ".ENDED";

	enum Ended {

		ACCOUNT, SHARE_LINK

	}

	private final SecurityContextRepository delegate = new HttpSessionSecurityContextRepository();

	private final UserDao users;

	private final ShareLinkService shareLinks;

	private RevalidatingSecurityContextRepository(UserDao users, ShareLinkService shareLinks) {
		this.users = users;
		this.shareLinks = shareLinks;
	}

	/** The repository of the page chain: the request's own context first, else the session's, revalidated. */
	static SecurityContextRepository create(UserDao users, ShareLinkService shareLinks) {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new RevalidatingSecurityContextRepository(users, shareLinks));
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		DeferredSecurityContext loaded = this.delegate.loadDeferredContext(request);
		return new DeferredSecurityContext() {

			private SecurityContext context;

			private boolean generated;

			@Override
			public SecurityContext get() {
				if (this.context == null) {
					SecurityContext stored = loaded.get();
					this.context = revalidate(stored, request);
					this.generated = loaded.isGenerated() || this.context != stored;
				}
				return this.context;
			}

			@Override
			public boolean isGenerated() {
				get();
				return this.generated;
			}

		};
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return loadDeferredContext(holder.getRequest()).get();
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		this.delegate.saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return this.delegate.containsContext(request);
	}

	private SecurityContext revalidate(SecurityContext context, HttpServletRequest request) {
		Authentication authentication = context.getAuthentication();
		if (authentication == null) {
			return context;
		}
		if (authentication.getPrincipal() instanceof SubwatchUser user) {
			Optional<SubwatchUser> current = this.users.findById(user.id())
				.filter((account) -> account.enabled() && account.credentialsVersion() == user.credentialsVersion())
				.map(UserAccount::principal);
			if (current.isEmpty()) {
				return end(request, Ended.ACCOUNT);
			}
			return current.get().equals(user) ? context : refreshed(authentication, current.get());
		}
		if (authentication.getPrincipal() instanceof ShareLinkPrincipal link) {
			return this.shareLinks.stillValid(link.linkId()) ? context : end(request, Ended.SHARE_LINK);
		}
		return context;
	}

	/** The same sign-in with the user's current role and grants (other authorities, such as factors, are kept). */
	private static SecurityContext refreshed(Authentication old, SubwatchUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>(user.role().authorities());
		old.getAuthorities()
			.stream()
			.filter((a) -> a.getAuthority() == null || !a.getAuthority().startsWith("ROLE_"))
			.forEach(authorities::add);
		UsernamePasswordAuthenticationToken token = user.authentication(authorities);
		token.setDetails(old.getDetails());
		SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
		context.setAuthentication(token);
		return context;
	}

	/**
	 * Signs the session out: its security context is removed (the session itself stays, so a form's flash message or
	 * CSRF token is not lost with it), and the request is marked with the reason.
	 */
	private static SecurityContext end(HttpServletRequest request, Ended reason) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			try {
				session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			}
			catch (IllegalStateException ex) {
				// invalidated by a concurrent request of the same session: signed out anyway
			}
		}
		request.setAttribute(ENDED, reason);
		return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
	}

}
