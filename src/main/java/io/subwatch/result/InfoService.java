package io.subwatch.result;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.subwatch.records.RecordQueryDao;
import io.subwatch.security.Access;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.subscription.SubscriptionOptions;
import io.subwatch.subscription.SubscriptionScope;
import io.subwatch.subscription.Task;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * info (spec section 8): NodeMan's description of each subscription, with what the executor declared (enable,
 * bk_biz_scope, scope nodes, step config and params) kept as given. When no scope nodes were declared, {@code nodes}
 * lists the scope's instances in NodeMan's node form, streamed (a scope can hold 100,000 hosts).
 */
@Service
class InfoService {

	private static final int CHUNK = 1000;

	private final SubscriptionViews views;

	private final SubscriptionDao subscriptions;

	private final SubscriptionScope scopes;

	private final RecordQueryDao queries;

	private final JsonMapper json;

	InfoService(SubscriptionViews views, SubscriptionDao subscriptions, SubscriptionScope scopes,
			RecordQueryDao queries, JsonMapper json) {
		this.views = views;
		this.subscriptions = subscriptions;
		this.scopes = scopes;
		this.queries = queries;
		this.json = json;
	}

	/**
	 * @param showDeleted accepted for NodeMan's callers; subwatch never deletes a subscription, so it changes nothing
	 */
	@Transactional(readOnly = true)
	public void write(List<Long> subscriptionIds, boolean showDeleted, Access access, Supplier<OutputStream> output) {
		List<Subscription> visible = this.views.visible(subscriptionIds, access);
		try (JsonGenerator out = this.json.createGenerator(output.get())) {
			out.writeStartObject();
			out.writeBooleanProperty("result", true);
			out.writeNumberProperty("code", 0);
			out.writeStringProperty("message", "success");
			out.writeName("data");
			out.writeStartArray();
			for (Subscription subscription : visible) {
				writeOne(out, subscription);
				out.flush();
			}
			out.writeEndArray();
			out.writeEndObject();
		}
	}

	private void writeOne(JsonGenerator out, Subscription subscription) {
		SubscriptionOptions options = this.subscriptions.findOptions(subscription.id())
			.orElse(SubscriptionOptions.NONE);
		out.writeStartObject();
		out.writeNumberProperty("id", subscription.id());
		out.writeStringProperty("name", subscription.name());
		out.writeBooleanProperty("enable", options.enable());
		out.writeStringProperty("category", subscription.category());
		out.writeStringProperty("plugin_name", subscription.pluginName());
		out.writeName("bk_biz_scope");
		out.writeRawValue((options.bkBizScope() != null) ? options.bkBizScope() : "[]");
		out.writeName("scope");
		out.writeStartObject();
		out.writeNumberProperty("bk_biz_id", subscription.bkBizId());
		out.writeStringProperty("object_type", subscription.objectType());
		out.writeStringProperty("node_type", subscription.nodeType());
		out.writeName("nodes");
		if (options.scopeNodes() != null) {
			out.writeRawValue(options.scopeNodes());
		}
		else {
			writeScopeNodes(out, subscription.id());
		}
		out.writeEndObject();
		// no parent subscriptions and no remote target hosts here: NodeMan's defaults
		out.writeNumberProperty("pid", -1);
		out.writeNullProperty("target_hosts");
		out.writeName("steps");
		out.writeStartArray();
		for (Subscription.SubscriptionStep step : subscription.steps()) {
			SubscriptionOptions.StepOptions declared = options.step(step.id());
			out.writeStartObject();
			out.writeStringProperty("id", step.id());
			out.writeStringProperty("type", step.type());
			out.writeName("config");
			out.writeRawValue((declared.config() != null) ? declared.config() : "{}");
			out.writeName("params");
			out.writeRawValue((declared.params() != null) ? declared.params() : "{}");
			out.writeEndObject();
		}
		out.writeEndArray();
		out.writeEndObject();
	}

	private void writeScopeNodes(JsonGenerator out, long subscriptionId) {
		out.writeStartArray();
		Task scopeTask = this.scopes.scopeTask(subscriptionId).orElse(null);
		long after = 0;
		while (scopeTask != null) {
			List<Map.Entry<Long, String>> chunk = this.queries.findInstancesOfTask(scopeTask.id(), after, CHUNK);
			for (Map.Entry<Long, String> instance : chunk) {
				ScopeNode.write(out, instance.getValue());
			}
			out.flush();
			if (chunk.size() < CHUNK) {
				break;
			}
			after = chunk.get(chunk.size() - 1).getKey();
		}
		out.writeEndArray();
	}

}
