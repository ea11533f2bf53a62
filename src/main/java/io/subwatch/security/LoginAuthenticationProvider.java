package io.subwatch.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Spring Security's password check, throttled (per client address and per user name from that address, see
 * {@link LoginThrottle}), and producing a
 * {@link SubwatchUser} principal that carries the user's {@link Access} and no password hash.
 */
class LoginAuthenticationProvider extends DaoAuthenticationProvider {

	private final LoginThrottle throttle;

	LoginAuthenticationProvider(LoginAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
		super(accounts);
		setPasswordEncoder(encoder);
		setUserDetailsPasswordService(accounts);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = LoginAccounts.normalize(authentication.getName());
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown";
		LoginThrottle.Attempt attempt = this.throttle.check(username, address);
		if (attempt.waitBefore().isPresent()) {
			throw new LoginThrottledException(attempt.waitBefore().get());
		}
		try {
			Authentication result = super.authenticate(authentication);
			this.throttle.succeeded(attempt);
			return result;
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(attempt);
			throw ex;
		}
	}

	@Override
	protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
			UserDetails user) {
		Authentication checked = super.createSuccessAuthentication(principal, authentication, user);
		SubwatchUser signedIn = ((LoginAccounts.LoginUser) user).account().principal();
		UsernamePasswordAuthenticationToken result = signedIn.authentication(checked.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

}
