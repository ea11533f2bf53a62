package io.subwatch.records;

import java.util.List;

/**
 * What a host search looks up: exact IPs, IPv6 addresses, host names and instance ids, or one prefix.
 *
 * @param likePattern the prefix as a LIKE pattern (escape character {@code !}), or null for an exact search
 * @param prefixIsIp the prefix is the start of an IP (else of a host name)
 */
public record SearchTerms(List<String> ips, List<String> ipv6, List<String> hostNames, List<String> instanceIds,
		String likePattern, boolean prefixIsIp) {
}
