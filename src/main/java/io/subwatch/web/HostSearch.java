package io.subwatch.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.subwatch.records.SearchTerms;

/**
 * The search box: one term, or a pasted list of hundreds of IPs, host names or instance ids separated by commas,
 * spaces, semicolons or newlines (also the Chinese 、，；). A list matches exactly; a single term that is not a whole
 * IP or instance id matches as a prefix of IPs or host names.
 *
 * @param ips IPv4 addresses (also from {@code cloud:IP} terms)
 * @param ipv6 IPv6 addresses
 * @param hostNames exact host names
 * @param instanceIds exact instance ids
 * @param prefix a single partial term, or null
 * @param prefixIsIp whether the prefix looks like the start of an IPv4 address
 */
record HostSearch(List<String> tokens, List<String> ips, List<String> ipv6, List<String> hostNames,
		List<String> instanceIds, String prefix, boolean prefixIsIp) {

	/** More terms than this are refused with a message (the query string would not carry them anyway). */
	static final int MAX_TOKENS = 5000;

	private static final Pattern SEPARATORS = Pattern.compile("[\\s,;，；、]+");

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern CLOUD_IPV4 = Pattern.compile("\\d{1,10}:(\\d{1,3}(\\.\\d{1,3}){3})");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}");

	private static final Pattern PARTIAL_IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{0,3}){0,3}");

	static final HostSearch NONE = new HostSearch(List.of(), List.of(), List.of(), List.of(), List.of(), null, false);

	static List<String> tokens(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		Set<String> tokens = new LinkedHashSet<>();
		for (String token : SEPARATORS.split(text.strip())) {
			if (!token.isEmpty()) {
				tokens.add(token);
			}
		}
		if (tokens.size() > MAX_TOKENS) {
			throw new BadPageRequestException("error.tooManyTerms", MAX_TOKENS);
		}
		return List.copyOf(tokens);
	}

	static HostSearch parse(String text) {
		List<String> tokens = tokens(text);
		if (tokens.isEmpty()) {
			return NONE;
		}
		List<String> ips = new ArrayList<>();
		List<String> ipv6 = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<String> instances = new ArrayList<>();
		for (String token : tokens) {
			var cloud = CLOUD_IPV4.matcher(token);
			if (token.contains("|")) {
				instances.add(token);
			}
			else if (IPV4.matcher(token).matches()) {
				ips.add(token);
			}
			else if (cloud.matches()) {
				ips.add(cloud.group(1));
			}
			else if (IPV6.matcher(token).matches()) {
				ipv6.add(token);
			}
			else {
				names.add(token);
			}
		}
		if (tokens.size() == 1 && names.size() == 1) {
			String term = names.get(0);
			return new HostSearch(tokens, List.of(), List.of(), List.of(), List.of(), term,
					PARTIAL_IPV4.matcher(term).matches());
		}
		return new HostSearch(tokens, List.copyOf(ips), List.copyOf(ipv6), List.copyOf(names),
				List.copyOf(instances), null, false);
	}

	/** The IP of a {@code cloud:IP} term, else null. */
	static String cloudIp(String token) {
		var cloud = CLOUD_IPV4.matcher(token);
		return cloud.matches() ? cloud.group(1) : null;
	}

	public boolean isEmpty() {
		return this.tokens.isEmpty();
	}

	/** Whether every term must match exactly (so terms that match nothing can be reported). */
	public boolean exact() {
		return this.prefix == null && !isEmpty();
	}

	/** The prefix as a LIKE pattern, with {@code !} as the escape character (portable to H2 and MySQL). */
	/** What the record search looks up. */
	SearchTerms terms() {
		return new SearchTerms(this.ips, this.ipv6, this.hostNames, this.instanceIds,
				(this.prefix != null) ? likePattern() : null, this.prefixIsIp);
	}

	String likePattern() {
		return this.prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

}
