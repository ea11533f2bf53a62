package io.subwatch.support;

import java.util.List;

import io.subwatch.security.Access;
import io.subwatch.security.BizScope;
import io.subwatch.security.Role;
import io.subwatch.security.SubwatchUser;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Signed-in users for MockMvc requests: the same principal the real login produces ({@link SubwatchUser}, which
 * carries its {@link Access}). They are not database users, so the per-request revalidation of real sessions does not
 * keep them (each request brings its own); tests that need a real session sign in through the login form, as
 * io.subwatch.security.SecurityFixtures#signIn does.
 */
public final class TestUsers {

	private TestUsers() {
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
		SubwatchUser principal = new SubwatchUser(0, name, Role.highestOf(List.of(roles)), 1,
				Access.of(name, name, read, write));
		return authentication(principal.authentication(List.of(roles).stream().map(SimpleGrantedAuthority::new).toList()));
	}

}
