package io.subwatch.web;

import io.subwatch.security.Access;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.SubscriptionDao;

import org.springframework.stereotype.Component;

/** Loads what a page shows only when the caller may see it; anything else is the same 404 as a missing id. */
@Component
class PageAccess {

	private final SubscriptionDao subscriptions;

	PageAccess(SubscriptionDao subscriptions) {
		this.subscriptions = subscriptions;
	}

	/**
	 * A subscription whose hosts the caller may see: all of them (a share link of one instance sees that instance's
	 * page only, not the subscription's counters, hosts or exports).
	 */
	Subscription readable(long subscriptionId, Access access) {
		if (access.instanceId() != null) {
			throw new PageNotFoundException("subscription " + subscriptionId);
		}
		return readableForInstance(subscriptionId, access);
	}

	/** The subscription of an instance page: also visible to a share link of one of its instances. */
	Subscription readableForInstance(long subscriptionId, Access access) {
		return this.subscriptions.findById(subscriptionId)
			.filter((subscription) -> access.canRead(subscription.bkBizId(), subscription.id()))
			.orElseThrow(() -> new PageNotFoundException("subscription " + subscriptionId));
	}

	/** A subscription the caller may retry and terminate in; visible but read-only gives 403. */
	Subscription writable(long subscriptionId, Access access) {
		Subscription subscription = readable(subscriptionId, access);
		if (!access.canWrite(subscription.bkBizId(), subscription.id())) {
			throw new PageForbiddenException();
		}
		return subscription;
	}

	static boolean canWrite(Subscription subscription, Access access) {
		return access.canWrite(subscription.bkBizId(), subscription.id());
	}

}
