package io.subwatch.support;

import java.util.List;

import io.subwatch.security.Access;
import io.subwatch.security.BizScope;
import io.subwatch.security.HasAccess;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Signed-in users for MockMvc requests: a principal that carries its {@link Access}, as the real login produces.
 */
public final class TestUsers {

	private TestUsers() {
	}

	record Principal(String name, Access access) implements HasAccess {
	}

	public static RequestPostProcessor admin() {
		return as("admin", BizScope.ALL, BizScope.ALL, "ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_VIEWER");
	}

	public static RequestPostProcessor operator(BizScope scope) {
		return as("operator", scope, scope, "ROLE_OPERATOR", "ROLE_VIEWER");
	}

	public static RequestPostProcessor viewer(BizScope scope) {
		return as("viewer", scope, BizScope.NONE, "ROLE_VIEWER");
	}

	public static RequestPostProcessor as(String name, BizScope read, BizScope write, String... roles) {
		Principal principal = new Principal(name, Access.of(name, name, read, write));
		return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(roles).stream().map(SimpleGrantedAuthority::new).toList()));
	}

}
