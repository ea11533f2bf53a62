package io.subwatch.result;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import io.subwatch.audit.AuditDao;
import io.subwatch.security.Access;
import io.subwatch.subscription.SourceActions;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * An operator action on a mirrored subscription, sent to its source and audited like a local one: the entry names
 * the source and holds its answer (its new task id, say) or why it refused. Runs in the action's transaction, which
 * does not roll back on a refusal, so the refusal stays in the audit.
 */
@Component
class SourceForwarding {

	private final SourceActions sources;

	private final AuditDao audit;

	private final Clock clock;

	private final JsonMapper json;

	SourceForwarding(SourceActions sources, AuditDao audit, Clock clock, JsonMapper json) {
		this.sources = sources;
		this.audit = audit;
		this.clock = clock;
		this.json = json;
	}

	Optional<String> sourceOf(long subscriptionId) {
		return this.sources.sourceOf(subscriptionId);
	}

	/**
	 * Sends {@code action} to the subscription's source, audited as {@code auditAction} over {@code hosts} hosts.
	 * @throws SourceActions.Refused when the source did not do it (audited too)
	 */
	SourceActions.Forwarded send(long subscriptionId, String action, Map<String, Object> params, String auditAction,
			int hosts, Access access) {
		return send(subscriptionId, action, params, auditAction, hosts, "", access);
	}

	SourceActions.Forwarded send(long subscriptionId, String action, Map<String, Object> params, String auditAction,
			int hosts, String what, Access access) {
		try {
			SourceActions.Forwarded answer = this.sources.send(subscriptionId, action, params);
			this.audit.insert(this.clock.instant(), access.actor(), auditAction, subscriptionId, null, hosts,
					what + "sent to " + answer.source() + " (its subscription " + answer.sourceSubscriptionId()
							+ "), which answered " + this.json.writeValueAsString(answer.answer()));
			return answer;
		}
		catch (SourceActions.Refused ex) {
			this.audit.insert(this.clock.instant(), access.actor(), auditAction, subscriptionId, null, hosts,
					what + "sent to " + ex.source() + ", refused: " + ex.getMessage());
			throw ex;
		}
	}

}
