package io.subwatch.security;

import java.time.Clock;

import io.subwatch.audit.AuditDao;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * New passwords after the one who sets them proved who they are: a user changing their own types the current one, an
 * admin setting someone's types their own. That check is a sign-in in all but name, so it is throttled like one
 * ({@link LoginThrottle}, per address and per name from it); its failures are recorded outside the change's
 * transaction, which only writes the new hash (ending the user's other sessions) and the audit entry.
 */
@Service
public class PasswordChanges {

	private final UserDao users;

	private final PasswordEncoder encoder;

	private final LoginThrottle throttle;

	private final AuditDao audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	PasswordChanges(UserDao users, PasswordEncoder encoder, LoginThrottle throttle, AuditDao audit, Clock clock,
			TransactionTemplate transaction) {
		this.users = users;
		this.encoder = encoder;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
		this.transaction = transaction;
	}

	/** A signed-in user's own new password; returns the account as it now is (its new credentials version). */
	UserAccount changeOwn(long userId, String current, String next, String repeated, String address) {
		UserAccount user = this.users.findById(userId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		confirm(user.username(), current, address);
		if (next == null || !next.equals(repeated)) {
			throw new RejectedInput("password.error.repeat");
		}
		write(user, PasswordPolicy.check(user.username(), next), user.username(), "USER_PASSWORD_CHANGED");
		return this.users.findById(userId).orElseThrow();
	}

	/** An admin sets another user's password (every session of that user ends), confirming with their own. */
	public void set(long userId, String next, Access admin, String adminPassword, String address) {
		confirm(admin.actor(), adminPassword, address);
		UserAccount user = this.users.findById(userId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		write(user, PasswordPolicy.check(user.username(), next), admin.actor(), "USER_PASSWORD_SET");
	}

	/** Refuses unless {@code password} is the current password of the enabled user {@code username}. */
	private void confirm(String username, String password, String address) {
		LoginThrottle.Attempt attempt = this.throttle.check(username, address);
		if (attempt.waitBefore().isPresent()) {
			throw new RejectedInput("password.error.throttled",
					LoginThrottledException.seconds(attempt.waitBefore().get()));
		}
		boolean right = password != null && this.users.findByUsername(username)
			.filter(UserAccount::enabled)
			.filter((account) -> this.encoder.matches(password, account.passwordHash()))
			.isPresent();
		if (!right) {
			this.throttle.failed(attempt);
			throw new RejectedInput("password.error.own");
		}
		this.throttle.succeeded(attempt);
	}

	private void write(UserAccount user, String password, String actor, String action) {
		String hash = this.encoder.encode(password);
		this.transaction.executeWithoutResult((status) -> {
			this.users.updatePassword(user.id(), hash);
			this.audit.insert(this.clock.instant(), actor, action, null, null, null, "user " + user.username());
		});
	}

}
