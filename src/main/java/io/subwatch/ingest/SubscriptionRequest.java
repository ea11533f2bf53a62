package io.subwatch.ingest;

import java.time.Instant;
import java.util.List;

import io.subwatch.subscription.Subscription.SubscriptionStep;
import io.subwatch.subscription.SubscriptionOptions;

/**
 * A subscription to declare, as {@code POST /api/v1/subscriptions} takes it (checked by {@link IngestRequests}).
 *
 * @param objectType HOST or SERVICE
 * @param nodeType INSTANCE, TOPO, SERVICE_TEMPLATE or SET_TEMPLATE
 * @param createTime when the executor created it, or null for now
 */
public record SubscriptionRequest(String name, long bizId, String objectType, String nodeType, String category,
		String pluginName, List<SubscriptionStep> steps, SubscriptionOptions options, Instant createTime) {
}
