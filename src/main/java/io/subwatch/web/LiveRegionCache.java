package io.subwatch.web;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Cache;
import io.subwatch.system.SubwatchProperties;

import org.springframework.stereotype.Component;

/**
 * The rendered live region of a subscription page, by what it shows: the subscription's change stamp for this kind
 * of reader, and the view (task, filters, search, page). A rollout that changes every second while 500 browsers poll
 * it every few seconds is then rendered once per change and view, not once per browser: the cost follows the
 * changes, not the audience. Entries live one poll interval, so a running host's duration is never older than that.
 */
@Component
class LiveRegionCache {

	private final Cache<String, byte[]> rendered;

	LiveRegionCache(SubwatchProperties properties, Clock clock) {
		this.rendered = PollIntervalCache.build(properties, clock, 2_000);
	}

	byte[] get(String key) {
		return this.rendered.getIfPresent(key);
	}

	void put(String key, byte[] body) {
		this.rendered.put(key, body);
	}

	/** How many renders are kept (tests see a poll served from here by it not growing). */
	long size() {
		this.rendered.cleanUp();
		return this.rendered.estimatedSize();
	}

}
