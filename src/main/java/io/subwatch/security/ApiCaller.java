package io.subwatch.security;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated API application, acting for {@code bk_username} when it named one (that name is the actor in
 * the audit log; the application code owns what it creates).
 */
record ApiCaller(String appCode, String username, Access access, boolean writes)
		implements HasAccess, AuthenticatedPrincipal, Serializable {

	static final String READ = "API_READ";

	static final String WRITE = "API_WRITE";

	static ApiCaller of(ApiApplication app, String username) {
		String actor = (username != null) ? username : app.appCode();
		return new ApiCaller(app.appCode(), username,
				Access.of(actor, app.appCode(), app.readScope(), app.writeScope()), app.writes());
	}

	@Override
	public String getName() {
		return this.access.actor();
	}

	UsernamePasswordAuthenticationToken authentication() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(READ));
		if (this.writes) {
			authorities.add(new SimpleGrantedAuthority(WRITE));
		}
		return UsernamePasswordAuthenticationToken.authenticated(this, null, authorities);
	}

}
