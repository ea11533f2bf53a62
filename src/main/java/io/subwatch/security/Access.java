package io.subwatch.security;

import java.io.Serializable;
import java.util.List;

/**
 * What the current caller may see and do. Every page, fragment, count, search, export and action asks this, so a
 * subscription outside the caller's reach answers exactly like one that does not exist.
 *
 * @param actor the name recorded in audit entries ({@code bk_username} for API callers, the login for users)
 * @param owner the application code (API) or user name (pages) that owns what this caller creates
 * @param read businesses whose subscriptions it may see
 * @param write businesses whose subscriptions it may report to, retry and revoke (empty for viewers and share links)
 * @param subscriptionId set for a share link: the one subscription it may see
 * @param instanceId set for a share link of one instance: the one instance it may see
 * @param shared true for a share link: read-only, and user names are not shown
 */
public record Access(String actor, String owner, BizScope read, BizScope write, Long subscriptionId,
		String instanceId, boolean shared) implements Serializable {

	/** Unrestricted access, for internal callers such as the demo loader and the simulator. */
	public static Access system(String name) {
		return new Access(name, name, BizScope.ALL, BizScope.ALL, null, null, false);
	}

	/** No access at all: what a caller without authentication gets, should a handler ever be reached without one. */
	public static Access nobody() {
		return new Access("anonymous", "anonymous", BizScope.NONE, BizScope.NONE, null, null, false);
	}

	/** A signed-in user or API application with business grants. */
	public static Access of(String actor, String owner, BizScope read, BizScope write) {
		return new Access(actor, owner, read, write, null, null, false);
	}

	/** A share link: one subscription (optionally one instance), read-only, anonymous. */
	public static Access shareLink(long subscriptionId, String instanceId) {
		return new Access("share-link", "share-link", BizScope.ALL, BizScope.NONE, subscriptionId, instanceId, true);
	}

	/** Whether a subscription of this business and id is visible; invisible ones must look nonexistent. */
	public boolean canRead(long bizId, long subscriptionId) {
		return this.read.contains(bizId) && (this.subscriptionId == null || this.subscriptionId == subscriptionId);
	}

	/** Whether this caller may report to, retry or revoke a visible subscription of this business. */
	public boolean canWrite(long bizId, long subscriptionId) {
		return !this.shared && this.write.contains(bizId)
				&& (this.subscriptionId == null || this.subscriptionId == subscriptionId);
	}

	/** Whether an instance of a visible subscription is visible (a one-instance share link sees only it). */
	public boolean canReadInstance(String instanceId) {
		return this.instanceId == null || this.instanceId.equals(instanceId);
	}

	/**
	 * The readable businesses for SQL filters: null means all, an empty list means none.
	 */
	public List<Long> readableBizIds() {
		return this.read.all() ? null : List.copyOf(this.read.bizIds());
	}

}
