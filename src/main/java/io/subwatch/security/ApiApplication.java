package io.subwatch.security;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code api_application} row with its grants. Writing implies reading: a business it may write to is also one
 * it may read.
 *
 * @param readBizIds businesses granted for reading only
 * @param writeBizIds businesses granted for reading and writing
 */
public record ApiApplication(long id, String appCode, String secretHash, String description, boolean readAll,
		boolean writeAll, Set<Long> readBizIds, Set<Long> writeBizIds, boolean enabled, Instant createdAt,
		String createdBy) {

	private static final Pattern APP_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	/** A {@code bk_app_code} as typed (surrounding blanks dropped), if it is one; else a refusal saying why. */
	public static String checkCode(String raw) {
		String code = (raw != null) ? raw.strip() : "";
		if (!APP_CODE.matcher(code).matches()) {
			throw new RejectedInput("admin.error.app-code", RejectedInput.abbreviate(code));
		}
		return code;
	}

	public BizScope readScope() {
		if (this.readAll || this.writeAll) {
			return BizScope.ALL;
		}
		Set<Long> all = new HashSet<>(this.readBizIds);
		all.addAll(this.writeBizIds);
		return BizScope.of(all);
	}

	public BizScope writeScope() {
		return this.writeAll ? BizScope.ALL : BizScope.of(this.writeBizIds);
	}

	/** The businesses granted for reading only, as the edit form shows them. */
	public String readIdList() {
		return BizScope.of(this.readBizIds).idList();
	}

	/** The businesses granted for writing, as the edit form shows them. */
	public String writeIdList() {
		return BizScope.of(this.writeBizIds).idList();
	}

	/** Whether it may write to any business at all (the reporting API, retry and revoke need it). */
	boolean writes() {
		return !writeScope().isEmpty();
	}

}
