package io.subwatch.web;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

import org.springframework.web.util.UriUtils;

/**
 * Builds the site-relative URLs the pages link to. Every parameter value is strictly percent-encoded (a pasted list
 * of IPs with commas, newlines or '+' survives the round trip), and absent values are left out.
 */
final class Href {

	private final StringBuilder url;

	private boolean hasQuery;

	private Href(String path) {
		this.url = new StringBuilder(path);
	}

	static Href path(String path) {
		return new Href(path);
	}

	static Href subscription(long subscriptionId) {
		return new Href("/subscriptions/" + subscriptionId);
	}

	static Href instance(long subscriptionId, String instanceId) {
		return new Href("/subscriptions/" + subscriptionId + "/instances/" + segment(instanceId));
	}

	static String segment(String value) {
		return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
	}

	Href param(String name, Object value) {
		if (value == null || (value instanceof String text && text.isEmpty())) {
			return this;
		}
		this.url.append(this.hasQuery ? '&' : '?')
			.append(name)
			.append('=')
			.append(UriUtils.encode(String.valueOf(value), StandardCharsets.UTF_8));
		this.hasQuery = true;
		return this;
	}

	Href params(String name, Collection<?> values) {
		if (values != null) {
			values.forEach((value) -> param(name, value));
		}
		return this;
	}

	Href fragment(String fragment) {
		this.url.append('#').append(fragment);
		return this;
	}

	@Override
	public String toString() {
		return this.url.toString();
	}

}
