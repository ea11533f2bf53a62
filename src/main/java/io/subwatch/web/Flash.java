package io.subwatch.web;

import java.io.Serializable;

/**
 * A message shown once after a redirect (post-redirect-get): what an action did, or why it did nothing.
 *
 * @param kind {@code ok}, {@code warn} or {@code error} (also the CSS modifier)
 * @param detailKey an optional second sentence, e.g. why the count differs from the confirmation
 */
public record Flash(String kind, String key, Object[] args, String detailKey, Object[] detailArgs)
		implements Serializable {

	static Flash ok(String key, Object... args) {
		return new Flash("ok", key, args, null, new Object[0]);
	}

	static Flash warn(String key, Object... args) {
		return new Flash("warn", key, args, null, new Object[0]);
	}

	static Flash error(String key, Object... args) {
		return new Flash("error", key, args, null, new Object[0]);
	}

	Flash withDetail(String key, Object... args) {
		return new Flash(this.kind, this.key, this.args, key, args);
	}

}
