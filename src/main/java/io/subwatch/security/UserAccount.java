package io.subwatch.security;

import java.time.Instant;
import java.util.Set;

/**
 * One {@code app_user} row with its business grants.
 *
 * @param allBusinesses granted every business, present and future (then {@code bizIds} is empty)
 */
public record UserAccount(long id, String username, String passwordHash, Role role, boolean allBusinesses, Set<Long> bizIds,
		boolean enabled, int credentialsVersion, Instant createdAt, String createdBy) {

	public BizScope grants() {
		return this.allBusinesses ? BizScope.ALL : BizScope.of(this.bizIds);
	}

	SubwatchUser principal() {
		return new SubwatchUser(this.id, this.username, this.role, this.credentialsVersion,
				this.role.access(this.username, grants()));
	}

}
