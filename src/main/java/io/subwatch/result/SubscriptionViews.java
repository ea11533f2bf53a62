package io.subwatch.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.subwatch.security.Access;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.SubscriptionDao;

import org.springframework.stereotype.Component;

/**
 * What info, statistic and instance_status share: the subscriptions of a {@code subscription_id_list} the caller may
 * see (others are left out, as NodeMan leaves out ids that do not exist), and statuses as the API reports them.
 */
@Component
class SubscriptionViews {

	private final SubscriptionDao subscriptions;

	private final ApiStatuses statuses;

	SubscriptionViews(SubscriptionDao subscriptions, ApiStatuses statuses) {
		this.subscriptions = subscriptions;
		this.statuses = statuses;
	}

	/** The visible subscriptions among {@code ids}, in the order asked for. */
	List<Subscription> visible(List<Long> ids, Access access) {
		List<Subscription> found = new ArrayList<>(ids.size());
		for (Long id : ids) {
			this.subscriptions.findById(id).filter((s) -> access.canRead(s.bkBizId(), s.id())).ifPresent(found::add);
		}
		return found;
	}

	Status apiStatus(Status stored) {
		return this.statuses.report(stored);
	}

	/** Counts by the status the API reports (terminated records count as failed unless configured otherwise). */
	Map<Status, Integer> apiCounts(StatusCounts counts) {
		return this.statuses.report(counts).byStatus();
	}

	/** {@code listed}, plus TERMINATED when the API reports it as such. */
	List<Status> listedStatuses(List<Status> listed) {
		if (apiStatus(Status.TERMINATED) == Status.FAILED) {
			return listed;
		}
		List<Status> all = new ArrayList<>(listed);
		all.add(Status.TERMINATED);
		return all;
	}

}
