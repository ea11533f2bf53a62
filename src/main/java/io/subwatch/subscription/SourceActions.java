package io.subwatch.subscription;

import java.util.Map;
import java.util.Optional;

import io.subwatch.system.ApiException;
import io.subwatch.system.ErrorCode;

/**
 * Retry, revoke and retry_node of a subscription mirrored from another NodeMan (or subwatch) are the source's to do:
 * the operator actions ask here whether a subscription is mirrored and, when it is, have the action sent to the
 * source, which answers in its own ids; the result arrives here with the next sync. The mirror implements it.
 */
public interface SourceActions {

	/** The name of the source a local subscription is mirrored from; empty for a local subscription. */
	Optional<String> sourceOf(long subscriptionId);

	/**
	 * Calls {@code action} ({@code retry}, {@code revoke} or {@code retry_node}) on the source of a mirrored
	 * subscription with {@code params} (the source's subscription id is added), paced and authenticated as the sync.
	 * @throws Refused when the source refused, could not be reached or answered something that is not NodeMan's
	 */
	Forwarded send(long subscriptionId, String action, Map<String, Object> params);

	/**
	 * What the source answered.
	 *
	 * @param source the source's name
	 * @param sourceSubscriptionId the subscription's id on the source
	 * @param answer the {@code data} of the source's answer (its ids), as plain maps, lists and values
	 */
	record Forwarded(String source, long sourceSubscriptionId, Object answer) {

		/** The source's {@code task_id} in the answer, if it holds one. */
		public Optional<Long> taskId() {
			return (this.answer instanceof Map<?, ?> map && map.get("task_id") instanceof Number id)
					? Optional.of(id.longValue()) : Optional.empty();
		}

	}

	/** The source did not do the action: the message says which source and why. */
	final class Refused extends ApiException {

		private final String source;

		public Refused(ErrorCode code, String source, String message) {
			super(code, message);
			this.source = source;
		}

		public String source() {
			return this.source;
		}

	}

}
