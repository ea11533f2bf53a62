package io.subwatch.security;

import java.util.Collection;
import java.util.Locale;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * The users the login form checks, from the database. Being a {@link UserDetailsService} bean also keeps Spring
 * Boot from creating its in-memory user with a generated password. Hashes in an outdated encoding are upgraded at the
 * next successful sign-in.
 */
@Service
public class LoginAccounts implements UserDetailsService, UserDetailsPasswordService {

	/** The form's view of an account: its hash, enabled flag and authorities. */
	record LoginUser(UserAccount account) implements UserDetails {

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return this.account.role().authorities();
		}

		@Override
		public String getPassword() {
			return this.account.passwordHash();
		}

		@Override
		public String getUsername() {
			return this.account.username();
		}

		@Override
		public boolean isEnabled() {
			return this.account.enabled();
		}

	}

	private final UserDao users;

	LoginAccounts(UserDao users) {
		this.users = users;
	}

	/** User names are case-insensitive and stored lower case. */
	public static String normalize(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.users.findByUsername(normalize(username))
			.map(LoginUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		this.users.upgradePasswordHash(user.getUsername(), newPassword);
		return this.users.findByUsername(user.getUsername()).map(LoginUser::new).orElseThrow();
	}

}
