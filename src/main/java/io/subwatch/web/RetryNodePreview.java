package io.subwatch.web;

import io.subwatch.result.NodeRetry;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.Subscription;

/**
 * The confirmation of "Retry from this sub-step": the host, the sub-step it restarts from (null when nothing failed),
 * the step it belongs to and how many earlier sub-steps are kept.
 */
public record RetryNodePreview(Subscription subscription, InstanceRecord record, NodeRetry.FailedSubStep point,
		String stepName, int kept, String token, String actionHref, String backHref) {
}
