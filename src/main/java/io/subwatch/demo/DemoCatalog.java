package io.subwatch.demo;

import java.util.List;

/** What the demo (and the simulator) run: NodeMan's sub-step names, business names and failure reasons. */
public final class DemoCatalog {

	private DemoCatalog() {
	}

	/** The agent install sub-steps of the seed document, in order. */
	public static final List<String> AGENT_SUB_STEPS = List.of("注册主机到配置平台", "选择接入点", "安装", "查询Agent状态",
			"托管 processbeat 插件进程", "托管 exceptionbeat 插件进程", "托管 basereport 插件进程", "更新任务状态");

	/** A plugin deployment's sub-steps; the third carries a step code, as NodeMan's config push does. */
	public static final List<Object> PLUGIN_SUB_STEPS = List.of("下发安装包", "安装插件",
			java.util.Map.of("node_name", "渲染并下发配置", "step_code", "render_and_push_config"), "启动插件进程");

	public record Business(long id, String name) {
	}

	public static final List<Business> BUSINESSES = List.of(new Business(2, "蓝鲸"), new Business(3, "Payments"),
			new Business(5, "Game Ops"), new Business(7, "Data Platform"), new Business(9, "Edge CDN"));

	public static final List<String> PLUGINS = List.of("bkmonitorbeat", "bkunifylogbeat", "processbeat",
			"exceptionbeat");

	/** Plausible reasons an install fails, each with the sub-step index (agent plan) where it strikes. */
	public record Failure(int subStep, String message) {
	}

	public static final List<Failure> AGENT_FAILURES = List.of(
			new Failure(2, "ssh: connect to host %s port 22: Connection refused"),
			new Failure(2, "Authentication failed for root@%s: wrong password"),
			new Failure(3, "timeout after 300s waiting for the agent on %s to report"),
			new Failure(2, "write /usr/local/gse/agent.tar.gz on %s: No space left on device"),
			new Failure(4, "processbeat on %s exited with code 1: config file not found"));

	public static final List<Failure> PLUGIN_FAILURES = List.of(
			new Failure(0, "download package from file server to %s failed: HTTP 503"),
			new Failure(2, "render config for %s: variable 'cmdb_instance' is undefined"),
			new Failure(3, "process on %s did not start within 60s"));

}
