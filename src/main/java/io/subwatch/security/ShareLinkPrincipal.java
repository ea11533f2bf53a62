package io.subwatch.security;

import java.io.Serializable;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The visitor of a share link: read-only, one subscription (optionally one instance), no name. Every request of its
 * session checks that the link is still valid (see {@link RevalidatingSecurityContextRepository}).
 */
record ShareLinkPrincipal(long linkId, long subscriptionId, String instanceId)
		implements HasAccess, AuthenticatedPrincipal, Serializable {

	static final String AUTHORITY = "ROLE_SHARE_LINK";

	@Override
	public Access access() {
		return Access.shareLink(this.subscriptionId, this.instanceId);
	}

	@Override
	public String getName() {
		return "share-link #" + this.linkId;
	}

	UsernamePasswordAuthenticationToken authentication() {
		return UsernamePasswordAuthenticationToken.authenticated(this, null,
				List.of(new SimpleGrantedAuthority(AUTHORITY)));
	}

}
