package io.subwatch.security;

import java.io.Serializable;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of businesses ({@code bk_biz_id}): all of them, or the listed ones.
 *
 * @param all every business, present and future
 * @param bizIds the granted businesses when not {@code all}
 */
public record BizScope(boolean all, Set<Long> bizIds) implements Serializable {

	public static final BizScope ALL = new BizScope(true, Set.of());

	public static final BizScope NONE = new BizScope(false, Set.of());

	public static BizScope of(Set<Long> bizIds) {
		return new BizScope(false, Set.copyOf(bizIds));
	}

	public boolean contains(long bizId) {
		return this.all || this.bizIds.contains(bizId);
	}

	/** Whether this scope grants nothing. */
	public boolean isEmpty() {
		return !this.all && this.bizIds.isEmpty();
	}

	/** The granted business ids, ascending, comma-separated (empty for {@link #ALL}): what the admin forms show. */
	public String idList() {
		return this.bizIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
	}

}
