package io.subwatch.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.subwatch.audit.AuditDao;
import io.subwatch.security.Access;
import io.subwatch.security.BizScope;
import io.subwatch.security.PasswordPolicy;
import io.subwatch.security.RejectedInput;
import io.subwatch.security.Role;
import io.subwatch.security.UserAccount;
import io.subwatch.security.UserDao;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the admin pages do to users, each change audited under the admin's name. An admin cannot take away their own
 * admin role or disable themselves, so there is always an admin left. Passwords are set through
 * {@link io.subwatch.security.PasswordChanges}.
 */
@Service
class UserAdministration {

	static final int LIST_LIMIT = 1000;

	private final UserDao users;

	private final PasswordEncoder encoder;

	private final AuditDao audit;

	private final Clock clock;

	UserAdministration(UserDao users, PasswordEncoder encoder, AuditDao audit, Clock clock) {
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	List<UserAccount> list() {
		return this.users.findAll(LIST_LIMIT);
	}

	UserAccount get(long id) {
		return this.users.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@Transactional
	long create(String username, String password, String role, boolean allBusinesses, String businesses,
			Access admin) {
		String name = GrantInput.username(username);
		Role chosen = GrantInput.role(role);
		BizScope grants = GrantInput.scope(allBusinesses, businesses);
		String hash = this.encoder.encode(PasswordPolicy.check(name, password));
		Instant now = this.clock.instant();
		long id;
		try {
			id = this.users.insert(name, hash, chosen, grants, now, admin.actor());
		}
		catch (DuplicateKeyException ex) {
			throw new RejectedInput("admin.error.username-taken", name);
		}
		this.audit.insert(now, admin.actor(), "USER_CREATED", null, null, null, describe(name, chosen, grants, true));
		return id;
	}

	@Transactional
	void update(long id, String role, boolean allBusinesses, String businesses, boolean enabled, Access admin) {
		UserAccount user = get(id);
		Role chosen = GrantInput.role(role);
		BizScope grants = GrantInput.scope(allBusinesses, businesses);
		if (user.username().equals(admin.actor()) && (chosen != Role.ADMIN || !enabled)) {
			throw new RejectedInput("admin.error.self");
		}
		this.users.update(id, chosen, grants, enabled);
		this.audit.insert(this.clock.instant(), admin.actor(), "USER_UPDATED", null, null, null,
				describe(user.username(), chosen, grants, enabled));
	}

	private static String describe(String username, Role role, BizScope grants, boolean enabled) {
		return "user " + username + ", role " + role + ", businesses " + (grants.all() ? "all" : "[" + grants.idList() + "]")
				+ (enabled ? "" : ", disabled");
	}

}
