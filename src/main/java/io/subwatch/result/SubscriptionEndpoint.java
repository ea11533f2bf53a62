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

	TASK_RESULT("task_result", Set.of("GET", "POST")),
	TASK_RESULT_DETAIL("task_result_detail", Set.of("GET", "POST")),
	RETRY("retry", Set.of("POST")),
	REVOKE("revoke", Set.of("POST")),
	RETRY_NODE("retry_node", Set.of("POST")),
	CHECK_TASK_READY("check_task_ready", Set.of("GET", "POST")),
	INFO("info", Set.of("POST")),
	STATISTIC("statistic", Set.of("POST")),
	INSTANCE_STATUS("instance_status", Set.of("GET", "POST")),
	CREATE("create", null),
	UPDATE("update", null),
	DELETE("delete", null),
	RUN("run", null),
	SWITCH("switch", null),
	FETCH_COMMANDS("fetch_commands", null),
	COLLECT_TASK_RESULT_DETAIL("collect_task_result_detail", null),
	CMDB_SUBSCRIPTION("cmdb_subscription", null),
	SEARCH_DEPLOY_POLICY("search_deploy_policy", null),
	QUERY_HOST_POLICY("query_host_policy", null),
	QUERY_HOST_SUBSCRIPTIONS("query_host_subscriptions", null),
	SWITCH_BIZ("switch_biz", null);

	private final String path;

	/** The methods it answers, or null for an endpoint subwatch does not offer. */
	private final Set<String> methods;

	SubscriptionEndpoint(String path, Set<String> methods) {
		this.path = path;
		this.methods = methods;
	}

	String path() {
		return this.path;
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
