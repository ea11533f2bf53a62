package io.subwatch.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.records.RecordQueryDao;
import io.subwatch.security.Access;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.HostStatusDao;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.SubscriptionScope;
import io.subwatch.subscription.Task;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * statistic (spec section 8): per subscription, its scope's latest records by status and the plugin versions its
 * instances reported. When the scope holds every instance of the subscription (the usual history) the counts are the
 * maintained subscription counters: two small reads whatever the number of hosts.
 */
@Service
class StatisticService {

	/** The statuses NodeMan's statistic lists, in its order. */
	private static final List<Status> LISTED = List.of(Status.SUCCESS, Status.PENDING, Status.FAILED, Status.RUNNING);

	private final SubscriptionViews views;

	private final SubscriptionScope scopes;

	private final CounterDao counters;

	private final RecordQueryDao queries;

	private final HostStatusDao hostStatuses;

	StatisticService(SubscriptionViews views, SubscriptionScope scopes, CounterDao counters, RecordQueryDao queries,
			HostStatusDao hostStatuses) {
		this.views = views;
		this.scopes = scopes;
		this.counters = counters;
		this.queries = queries;
		this.hostStatuses = hostStatuses;
	}

	@Transactional(readOnly = true)
	public List<Map<String, Object>> statistic(List<Long> subscriptionIds, Access access) {
		List<Map<String, Object>> result = new ArrayList<>();
		for (Subscription subscription : this.views.visible(subscriptionIds, access)) {
			result.add(statistic(subscription.id()));
		}
		return result;
	}

	private Map<String, Object> statistic(long subscriptionId) {
		Task scopeTask = this.scopes.scopeTask(subscriptionId).orElse(null);
		StatusCounts counts = StatusCounts.EMPTY;
		List<HostStatusDao.VersionCount> versions = List.of();
		if (scopeTask != null) {
			boolean all = this.scopes.coversAllLatest(subscriptionId, scopeTask);
			String inScope = all ? null : SubscriptionScope.instanceInScope("r", "scopeTaskId");
			Map<String, Object> params = all ? Map.of() : Map.of("scopeTaskId", scopeTask.id());
			counts = all ? this.counters.findBySubscription(subscriptionId)
					: this.queries.countLatestInScope(subscriptionId, inScope, params);
			versions = this.hostStatuses.countVersions(subscriptionId, inScope, params);
		}
		Map<Status, Integer> reported = this.views.apiCounts(counts);
		List<Map<String, Object>> statuses = new ArrayList<>();
		int instances = 0;
		for (Status status : this.views.listedStatuses(LISTED)) {
			int count = reported.getOrDefault(status, 0);
			instances += count;
			statuses.add(entry("status", status.name(), "count", count));
		}
		List<Map<String, Object>> versionList = new ArrayList<>();
		for (HostStatusDao.VersionCount version : versions) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("name", version.name());
			item.put("version", version.version());
			item.put("count", version.count());
			versionList.add(item);
		}
		Map<String, Object> statistic = new LinkedHashMap<>();
		statistic.put("subscription_id", subscriptionId);
		statistic.put("status", statuses);
		statistic.put("versions", versionList);
		statistic.put("instances", instances);
		return statistic;
	}

	private static Map<String, Object> entry(String k1, Object v1, String k2, Object v2) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(k1, v1);
		map.put(k2, v2);
		return map;
	}

}
