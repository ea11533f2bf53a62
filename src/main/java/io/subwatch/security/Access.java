package io.subwatch.security;

/**
 * What the current caller may do: the businesses it may read and write, and the names recorded for its actions.
 *
 * @param actor the user name recorded in audit entries ({@code bk_username} for API callers)
 * @param owner the application code (API) or user name (pages) that owns what this caller creates
 * @param read businesses whose subscriptions it may see
 * @param write businesses whose subscriptions it may report to, retry and revoke
 */
public record Access(String actor, String owner, BizScope read, BizScope write) {

	/** Unrestricted access, for internal callers such as the demo loader and the simulator. */
	public static Access system(String name) {
		return new Access(name, name, BizScope.ALL, BizScope.ALL);
	}

	public boolean canRead(long bizId) {
		return this.read.contains(bizId);
	}

	public boolean canWrite(long bizId) {
		return this.write.contains(bizId);
	}

}
