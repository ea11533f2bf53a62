package io.subwatch.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a browser user may do. Each role includes the ones before it, and its authorities say so explicitly
 * ({@code ROLE_ADMIN} comes with {@code ROLE_OPERATOR} and {@code ROLE_VIEWER}), so no role hierarchy is needed.
 */
public enum Role {

	/** Reads the subscriptions of their businesses. */
	VIEWER,

	/** Also retries, terminates and shares, in their businesses. */
	OPERATOR,

	/** Also manages users, API applications and grants; sees and acts on every business. */
	ADMIN;

	public List<GrantedAuthority> authorities() {
		return Arrays.stream(values())
			.filter((role) -> role.ordinal() <= ordinal())
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
	}

	/** The grants of a user with this role and these business grants. */
	public Access access(String username, BizScope grants) {
		return switch (this) {
			case VIEWER -> Access.of(username, username, grants, BizScope.NONE);
			case OPERATOR -> Access.of(username, username, grants, grants);
			case ADMIN -> Access.of(username, username, BizScope.ALL, BizScope.ALL);
		};
	}

	/** The highest role among authority names such as {@code ROLE_OPERATOR}; VIEWER when there is none. */
	public static Role highestOf(Collection<String> authorities) {
		Role highest = VIEWER;
		for (Role role : values()) {
			if (authorities.contains("ROLE_" + role.name())) {
				highest = role;
			}
		}
		return highest;
	}

	/** Parses a role name from a form; null when it is not one. */
	public static Role parse(String name) {
		return Arrays.stream(values()).filter((role) -> role.name().equals(name)).findFirst().orElse(null);
	}

}
