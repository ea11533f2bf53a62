package io.subwatch.security;

import java.io.Serializable;
import java.util.Collection;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;

/**
 * A signed-in browser user, as kept in the session: no password hash, and its {@link Access} derived from the role
 * and the business grants. Every request of a session rebuilds it from the database (see
 * {@link RevalidatingSecurityContextRepository}), so role and grant changes apply at once and a disabled user is out.
 *
 * @param id the {@code app_user} row
 * @param credentialsVersion the password generation it signed in with
 */
public record SubwatchUser(long id, String username, Role role, int credentialsVersion, Access access)
		implements HasAccess, AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return this.username;
	}

	/** A fully authenticated token for this user, with the given authorities. */
	public UsernamePasswordAuthenticationToken authentication(Collection<? extends GrantedAuthority> authorities) {
		return UsernamePasswordAuthenticationToken.authenticated(this, null, authorities);
	}

}
