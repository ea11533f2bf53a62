package io.subwatch.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.Subscription.SubscriptionStep;
import io.subwatch.subscription.SubscriptionOptions;
import io.subwatch.subscription.SubscriptionOptions.StepOptions;
import io.subwatch.system.ApiException;
import io.subwatch.system.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Binds the reporting API's JSON bodies to the records the ingest services take, checking every field and naming the
 * one at fault. Rules that need the stored subscription (its steps, who may write it) are the services'.
 */
@Component
public class IngestRequests {

	private final JsonMapper json;

	private final Clock clock;

	private final InstanceParser instances;

	public IngestRequests(JsonMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
		this.instances = new InstanceParser(json);
	}

	/** The JSON shapes of a subscription; its values are checked by {@link SubscriptionRequest#check()}. */
	public SubscriptionRequest subscription(JsonNode body) {
		String name = JsonFields.requireText(body, "name", "name", 200);
		long bizId = JsonFields.requireLong(body, "bk_biz_id", "bk_biz_id");
		String objectType = orDefault(JsonFields.optionalText(body, "object_type", "object_type", 16), "HOST");
		String nodeType = orDefault(JsonFields.optionalText(body, "node_type", "node_type", 16), "INSTANCE");
		String category = JsonFields.optionalText(body, "category", "category", 32);
		String pluginName = JsonFields.optionalText(body, "plugin_name", "plugin_name", 64);
		JsonNode stepNodes = JsonFields.requireArray(body, "steps", "steps");
		List<SubscriptionStep> steps = new ArrayList<>();
		Map<String, StepOptions> stepOptions = new LinkedHashMap<>();
		for (int i = 0; i < stepNodes.size(); i++) {
			String id = JsonFields.requireText(stepNodes.get(i), "id", "steps[" + i + "].id", 64);
			String type = JsonFields.requireText(stepNodes.get(i), "type", "steps[" + i + "].type", 16);
			steps.add(new SubscriptionStep(id, type));
			stepOptions.put(id, new StepOptions(declared(stepNodes.get(i), "config", "steps[" + i + "].config", false),
					declared(stepNodes.get(i), "params", "steps[" + i + "].params", false)));
		}
		SubscriptionOptions options = new SubscriptionOptions(JsonFields.optionalBoolean(body, "enable", "enable", true),
				declared(body, "bk_biz_scope", "bk_biz_scope", true), declared(body, "scope_nodes", "scope_nodes", true),
				stepOptions);
		return new SubscriptionRequest(name, bizId, objectType, nodeType, category, pluginName, List.copyOf(steps),
				options, createTime(body));
	}

	public TaskRequest task(JsonNode body) {
		boolean ready = JsonFields.optionalBoolean(body, "ready", "ready", true);
		boolean autoTrigger = JsonFields.optionalBoolean(body, "is_auto_trigger", "is_auto_trigger", false);
		boolean partial = JsonFields.optionalBoolean(body, "partial", "partial", false);
		JsonNode instances = JsonFields.field(body, "instances");
		if (ready && (instances == null || instances.isEmpty())) {
			throw ApiException.invalid("instances is required and must not be empty when ready is true"
					+ " (create with \"ready\": false to add instances in batches)");
		}
		List<InstanceRequest> parsed = (instances != null) ? this.instances.parse(instances, "instances") : List.of();
		return new TaskRequest(ready, autoTrigger, partial, parsed, createTime(body));
	}

	/** The {@code instances} of {@code POST /api/v1/tasks/{id}/instances}. */
	public List<InstanceRequest> instances(JsonNode body) {
		return this.instances.parse(JsonFields.requireArray(body, "instances", "instances"), "instances");
	}

	/** The optional {@code error} of {@code POST /api/v1/tasks/{id}/ready}: null marks the task ready. */
	public String readyError(JsonNode body) {
		return JsonFields.optionalText(body, "error", "error", 2000);
	}

	/** What an instance_info document says (a mirror takes it from its source's rows as they come). */
	public InstanceRequest.Info info(JsonNode info, String at) {
		return this.instances.info(info, at);
	}

	public EventBatch events(JsonNode body) {
		return EventParser.parse(body, this.clock.instant());
	}

	/**
	 * The optional {@code create_time} (ISO-8601 with offset) that executors mirroring another system send, else null
	 * (now, when written).
	 */
	private Instant createTime(JsonNode body) {
		String text = JsonFields.optionalText(body, "create_time", "create_time", 64);
		return (text != null) ? ReportedTime.parse(text, "create_time", this.clock.instant()) : null;
	}

	/**
	 * An optional declared value kept as JSON text for the info endpoint: an array ({@code bk_biz_scope},
	 * {@code scope_nodes}) or an object (a step's {@code config} and {@code params}).
	 */
	private String declared(JsonNode parent, String field, String path, boolean array) {
		JsonNode value = JsonFields.field(parent, field);
		if (value == null) {
			return null;
		}
		if (array ? !value.isArray() : !value.isObject()) {
			throw ApiException.invalid(path + " must be " + (array ? "an array" : "an object") + ", got "
					+ JsonFields.abbreviate(value.toString()));
		}
		return this.json.writeValueAsString(value);
	}

	private static String orDefault(String value, String defaultValue) {
		return (value != null) ? value : defaultValue;
	}

}
