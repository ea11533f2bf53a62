package io.subwatch.mirror;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code subwatch.mirror.*}: the NodeMan sources to mirror.
 *
 * @param sources each source, empty by default (nothing is mirrored)
 */
@ConfigurationProperties("subwatch.mirror")
public record MirrorProperties(@DefaultValue List<Source> sources) {

	public MirrorProperties {
		if (sources.stream().map(Source::name).distinct().count() < sources.size()) {
			throw new IllegalArgumentException("subwatch.mirror.sources[*].name must be unique");
		}
	}

	/**
	 * One NodeMan (or subwatch) to read.
	 *
	 * @param name short unique name, shown on mirrored pages and keyed in the sync state
	 * @param baseUrl where {@code /backend/api/subscription/<name>/} answers
	 * @param appCode {@code bk_app_code}
	 * @param appSecret {@code bk_app_secret}
	 * @param username {@code bk_username}
	 * @param subscriptionIds the source's subscriptions to mirror
	 * @param bkBizIds businesses whose subscriptions the source lists (search_deploy_policy) are mirrored too
	 * @param pollInterval time between two syncs
	 * @param maxRequestsPerSecond the most requests sent to the source per second
	 * @param timeZone zone of the source's {@code YYYY-MM-DD HH:MM:SS} times
	 */
	public record Source(String name, String baseUrl, String appCode, String appSecret,
			@DefaultValue("admin") String username, @DefaultValue List<Long> subscriptionIds,
			@DefaultValue List<Long> bkBizIds,
			@DefaultValue("10s") Duration pollInterval, @DefaultValue("5") double maxRequestsPerSecond,
			@DefaultValue("Asia/Shanghai") ZoneId timeZone) {

		public Source {
			if (name == null || name.isBlank() || name.length() > 64) {
				throw new IllegalArgumentException("subwatch.mirror.sources[*].name is required (at most 64 characters)");
			}
			if (baseUrl == null || baseUrl.isBlank()) {
				throw new IllegalArgumentException("subwatch.mirror.sources[*].base-url is required for source " + name);
			}
			if (maxRequestsPerSecond <= 0) {
				throw new IllegalArgumentException("max-requests-per-second must be positive for source " + name);
			}
			baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		}

	}

}
