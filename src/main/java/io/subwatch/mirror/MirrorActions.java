package io.subwatch.mirror;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.subwatch.subscription.SourceActions;
import io.subwatch.system.ErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Sends retry, revoke and retry_node on a mirrored subscription to its source, through the source's client (the
 * sync's credentials and pacing), with the source's subscription id. A refusal keeps the source's code when subwatch
 * knows it (nothing to retry, nothing to revoke, bad parameter), else 3800504; never an unexpected error.
 */
@Service
class MirrorActions implements SourceActions {

	private static final List<ErrorCode> PASSED_THROUGH = List.of(ErrorCode.VALIDATION, ErrorCode.TASK_NOT_EXIST,
			ErrorCode.RECORD_NOT_EXIST, ErrorCode.TASK_CREATION_FAILED, ErrorCode.TASK_NOT_READY,
			ErrorCode.NOTHING_TO_REVOKE);

	private final MirrorDao dao;

	private final MirrorSync sync;

	private final JsonMapper json;

	MirrorActions(MirrorDao dao, MirrorSync sync, JsonMapper json) {
		this.dao = dao;
		this.sync = sync;
		this.json = json;
	}

	@Override
	public Optional<String> sourceOf(long subscriptionId) {
		return this.dao.findSourceOf(subscriptionId);
	}

	@Override
	public Forwarded send(long subscriptionId, String action, Map<String, Object> params) {
		MirrorDao.SourceSubscriptionRef ref = this.dao.findSourceSubscription(subscriptionId)
			.orElseThrow(() -> new IllegalArgumentException("subscription " + subscriptionId + " is not mirrored"));
		MirrorProperties.Source source = this.sync.findSource(ref.source())
			.orElseThrow(() -> new Refused(ErrorCode.SOURCE_FAILED, ref.source(), "subscription " + subscriptionId
					+ " is mirrored from " + ref.source() + ", which is no longer configured here: act on it there"));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subscription_id", ref.sourceId());
		body.putAll(params);
		try {
			JsonNode data = this.sync.client(source).call(action, body);
			return new Forwarded(source.name(), ref.sourceId(),
					data.isNull() ? null : this.json.treeToValue(data, Object.class));
		}
		catch (NodemanException ex) {
			throw new Refused(code(ex.code()), source.name(), "the source " + source.name() + " (subscription "
					+ ref.sourceId() + " there) did not " + action + ": " + ex.getMessage());
		}
	}

	/** The source's code when it says the same here; its 401, 403 or 5xx are about the mirror, not the caller. */
	private static ErrorCode code(int sourceCode) {
		return PASSED_THROUGH.stream()
			.filter((code) -> code.code() == sourceCode)
			.findFirst()
			.orElse(ErrorCode.SOURCE_FAILED);
	}

}
