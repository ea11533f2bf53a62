package io.subwatch.result;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every name NodeMan serves under {@code backend/api/subscription/} and what subwatch does with it: the result
 * endpoints answer, with the HTTP methods NodeMan allows for them; the endpoints that manage subscriptions in NodeMan
 * are refused with a message, because subwatch only reports what executors did.
 */
enum SubscriptionEndpoint {

	TASK_RESULT("task_result", Set.of("GET", "POST"),
			"Records of a subscription's tasks, one row per instance, with status counters (paged or whole)"),
	TASK_RESULT_DETAIL("task_result_detail", Set.of("GET", "POST"),
			"The newest record of one instance, with full detail and logs"),
	RETRY("retry", Set.of("POST"), "A new partial task for the failed or terminated instances; returns its task_id"),
	REVOKE("revoke", Set.of("POST"), "Pending and running latest records become TERMINATED"),
	RETRY_NODE("retry_node", Set.of("POST"),
			"Retries one instance from its first failed sub-step; returns retry_node_id and retry_node_name"),
	CHECK_TASK_READY("check_task_ready", Set.of("GET", "POST"), "Whether every listed task is ready"),
	INFO("info", Set.of("POST"), "Subscriptions with their scope and steps"),
	STATISTIC("statistic", Set.of("POST"),
			"Per subscription: status counts over the scope's latest records and reported plugin versions"),
	INSTANCE_STATUS("instance_status", Set.of("GET", "POST"),
			"Per subscription: each scope instance's status, running task and last task"),
	SEARCH_DEPLOY_POLICY("search_deploy_policy", Set.of("POST"),
			"Plugin deployment policies (category policy) meeting bk_biz_ids and conditions, paged: total and list"),
	CREATE("create"),
	UPDATE("update"),
	DELETE("delete"),
	RUN("run"),
	SWITCH("switch"),
	FETCH_COMMANDS("fetch_commands"),
	COLLECT_TASK_RESULT_DETAIL("collect_task_result_detail"),
	CMDB_SUBSCRIPTION("cmdb_subscription"),
	QUERY_HOST_POLICY("query_host_policy"),
	QUERY_HOST_SUBSCRIPTIONS("query_host_subscriptions"),
	SWITCH_BIZ("switch_biz");

	private final String path;

	/** The methods it answers, or null for an endpoint subwatch does not offer. */
	private final Set<String> methods;

	/** What it answers, for the API description; null like {@link #methods}. */
	private final String summary;

	SubscriptionEndpoint(String path, Set<String> methods, String summary) {
		this.path = path;
		this.methods = methods;
		this.summary = summary;
	}

	/** An endpoint of NodeMan's that subwatch refuses. */
	SubscriptionEndpoint(String path) {
		this(path, null, null);
	}

	String path() {
		return this.path;
	}

	String summary() {
		return this.summary;
	}

	/** The methods it answers, in a stable order. */
	List<String> methods() {
		return this.methods.stream().sorted().toList();
	}

	boolean supported() {
		return this.methods != null;
	}

	boolean allows(String method) {
		return this.methods.contains(method);
	}

	String allowedMethods() {
		return String.join(" or ", this.methods.stream().sorted().toList());
	}

	static Optional<SubscriptionEndpoint> byPath(String path) {
		return Arrays.stream(values()).filter((endpoint) -> endpoint.path.equals(path)).findFirst();
	}

	/** The names subwatch answers, for messages. */
	static List<String> answered() {
		return Arrays.stream(values()).filter(SubscriptionEndpoint::supported).map(SubscriptionEndpoint::path).toList();
	}

}
