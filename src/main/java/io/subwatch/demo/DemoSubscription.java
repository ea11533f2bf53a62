package io.subwatch.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A demo subscription: its declaration and the steps each of its hosts runs. */
public record DemoSubscription(String name, DemoCatalog.Business business, String category, String pluginName,
		List<DemoStep> steps) {

	/** A step of the plan: id, type, action, node name and its sub-steps (names or {node_name, step_code}). */
	public record DemoStep(String id, String type, String action, String nodeName, List<Object> subSteps) {
	}

	static final DemoStep AGENT = new DemoStep("agent", "AGENT", "INSTALL_AGENT", "[agent] 安装",
			List.copyOf(DemoCatalog.AGENT_SUB_STEPS));

	static DemoStep plugin(String plugin) {
		return new DemoStep(plugin, "PLUGIN", "MAIN_INSTALL_PLUGIN", "[" + plugin + "] 部署插件程序",
				DemoCatalog.PLUGIN_SUB_STEPS);
	}

	public static DemoSubscription agentInstall(DemoCatalog.Business business) {
		return new DemoSubscription("安装 Agent · " + business.name(), business, "once", null, List.of(AGENT));
	}

	public static DemoSubscription pluginDeploy(DemoCatalog.Business business, String plugin) {
		return new DemoSubscription("部署 " + plugin + " · " + business.name(), business, "policy", plugin,
				List.of(plugin(plugin)));
	}

	public static DemoSubscription agentAndPlugin(DemoCatalog.Business business, String plugin) {
		return new DemoSubscription("安装 Agent 并部署 " + plugin + " · " + business.name(), business, "once", plugin,
				List.of(AGENT, plugin(plugin)));
	}

	/** Another run of an existing subscription: the same steps, against the business it was declared for. */
	public static DemoSubscription rerunOf(io.subwatch.subscription.Subscription subscription, DemoCatalog.Business fallback) {
		DemoCatalog.Business business = DemoCatalog.BUSINESSES.stream()
			.filter((b) -> b.id() == subscription.bkBizId())
			.findFirst()
			.orElse(fallback);
		List<DemoStep> steps = subscription.steps()
			.stream()
			.map((step) -> "AGENT".equals(step.type()) ? AGENT : plugin(step.id()))
			.toList();
		return new DemoSubscription(subscription.name(), business, subscription.category(), subscription.pluginName(),
				steps);
	}

	public Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", this.name);
		body.put("bk_biz_id", this.business.id());
		body.put("object_type", "HOST");
		body.put("node_type", "INSTANCE");
		body.put("category", this.category);
		body.put("plugin_name", this.pluginName);
		body.put("steps", this.steps.stream().map((s) -> Map.of("id", s.id(), "type", s.type())).toList());
		return body;
	}

	public Map<String, Object> taskBody(List<DemoHost> hosts, java.time.Instant created) {
		List<Map<String, Object>> instances = new ArrayList<>(hosts.size());
		for (DemoHost host : hosts) {
			instances.add(Map.of("instance_id", host.instanceId(), "instance_info", host.instanceInfo(), "steps",
					this.steps.stream()
						.map((s) -> Map.of("id", s.id(), "action", s.action(), "node_name", s.nodeName(), "sub_steps",
								s.subSteps()))
						.toList()));
		}
		return Map.of("is_auto_trigger", false, "ready", true, "instances", instances, "create_time",
				java.time.OffsetDateTime.ofInstant(created, java.time.ZoneOffset.UTC).toString());
	}

	public String subStepName(int step, int sub) {
		Object value = this.steps.get(step).subSteps().get(sub);
		return (value instanceof Map<?, ?> map) ? String.valueOf(map.get("node_name")) : String.valueOf(value);
	}

}
