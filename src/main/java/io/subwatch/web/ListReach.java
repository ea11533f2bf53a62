package io.subwatch.web;

import java.util.List;

import io.subwatch.security.Access;

/**
 * Which subscriptions the list may show a caller: its businesses (null = all), narrowed to one subscription for a
 * share link, and none at all for a share link of a single instance (it sees that instance's page only).
 */
record ListReach(List<Long> bizIds, Long subscriptionId, boolean none) {

	static ListReach of(Access access) {
		return new ListReach(access.readableBizIds(), access.subscriptionId(), access.instanceId() != null);
	}

}
