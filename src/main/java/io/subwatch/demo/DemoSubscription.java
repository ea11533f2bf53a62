package io.subwatch.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.subwatch.ingest.InstanceRequest;
import io.subwatch.ingest.SubscriptionRequest;
import io.subwatch.ingest.TaskRequest;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.Subscription.SubscriptionStep;
import io.subwatch.subscription.SubscriptionOptions;

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

	public SubscriptionRequest request() {
		return new SubscriptionRequest(this.name, this.business.id(), "HOST", "INSTANCE", this.category,
				this.pluginName, this.steps.stream().map((s) -> new SubscriptionStep(s.id(), s.type())).toList(),
				SubscriptionOptions.NONE, null);
	}

	/** A ready task of the hosts, each running every step; {@code info} reads a host's instance_info. */
	public TaskRequest task(List<DemoHost> hosts, Instant created, Function<DemoHost, InstanceRequest.Info> info) {
		List<InstanceRequest.Step> plan = this.steps.stream()
			.map((s) -> new InstanceRequest.Step(s.id(), s.action(), s.nodeName(), "{}",
					s.subSteps().stream().map(DemoSubscription::subStep).toList()))
			.toList();
		List<InstanceRequest> instances = new ArrayList<>(hosts.size());
		for (DemoHost host : hosts) {
			instances.add(new InstanceRequest(host.instanceId(), info.apply(host), plan));
		}
		return new TaskRequest(true, false, false, instances, created);
	}

	/** A sub-step as the catalog lists it: a name, or {node_name, step_code}. */
	private static StepPlan.SubStep subStep(Object value) {
		return (value instanceof Map<?, ?> map)
				? new StepPlan.SubStep(String.valueOf(map.get("node_name")), (String) map.get("step_code"))
				: new StepPlan.SubStep(String.valueOf(value), null);
	}

	public String subStepName(int step, int sub) {
		Object value = this.steps.get(step).subSteps().get(sub);
		return (value instanceof Map<?, ?> map) ? String.valueOf(map.get("node_name")) : String.valueOf(value);
	}

}
