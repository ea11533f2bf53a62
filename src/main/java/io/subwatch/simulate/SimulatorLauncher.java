package io.subwatch.simulate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.subwatch.demo.DemoCatalog;
import io.subwatch.demo.DemoHost;
import io.subwatch.demo.DemoSubscription;
import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.ingest.TaskRequest;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.SubscriptionDao;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Starts demo tasks: a new subscription (agent install or plugin deployment) or a new run of one of the simulator's
 * subscriptions, with {@code min-hosts} to {@code max-hosts} hosts, while fewer than {@code max-running-tasks} run.
 */
@Component
public class SimulatorLauncher {

	private static final Logger log = LoggerFactory.getLogger(SimulatorLauncher.class);

	private final IngestService ingest;

	private final SubscriptionDao subscriptions;

	private final SimulatorDao dao;

	private final SimulatorProperties properties;

	private final JsonMapper json;

	private final IngestRequests requests;

	private final Clock clock;

	private final Random random = new Random();

	SimulatorLauncher(IngestService ingest, SubscriptionDao subscriptions, SimulatorDao dao,
			SimulatorProperties properties, JsonMapper json, Clock clock, IngestRequests requests) {
		this.requests = requests;
		this.ingest = ingest;
		this.subscriptions = subscriptions;
		this.dao = dao;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Launches a task when none runs, or when the last launch is a launch interval ago and fewer than
	 * max-running-tasks run; returns its id, or -1.
	 */
	public long launchIfIdle() {
		int running = this.dao.findActiveTasks(this.properties.maxRunningTasks()).size();
		Instant last = this.dao.findLastLaunch();
		boolean due = last == null || !last.plus(this.properties.launchInterval()).isAfter(this.clock.instant());
		if (running >= this.properties.maxRunningTasks() || (running > 0 && !due)) {
			return -1;
		}
		int hosts = this.properties.minHosts()
				+ this.random.nextInt(Math.max(1, this.properties.maxHosts() - this.properties.minHosts() + 1));
		return launch(hosts);
	}

	/** Launches a task of {@code hostCount} hosts: a re-run of an existing demo subscription or a new one. */
	public long launch(int hostCount) {
		DemoCatalog.Business business = DemoCatalog.BUSINESSES
			.get(this.random.nextInt(DemoCatalog.BUSINESSES.size()));
		DemoSubscription demo = switch (this.random.nextInt(3)) {
			case 0 -> DemoSubscription.agentInstall(business);
			case 1 -> DemoSubscription.pluginDeploy(business,
					DemoCatalog.PLUGINS.get(this.random.nextInt(DemoCatalog.PLUGINS.size())));
			default -> DemoSubscription.agentAndPlugin(business, DemoCatalog.PLUGINS.get(0));
		};
		return launch(hostCount, demo, this.random.nextInt(3) == 0);
	}

	/** A new agent-install subscription (8 sub-steps per host) with one task of {@code hostCount} hosts. */
	public long launchAgentInstall(int hostCount) {
		return launch(hostCount, DemoSubscription.agentInstall(DemoCatalog.BUSINESSES.get(0)), false);
	}

	private long launch(int hostCount, DemoSubscription chosen, boolean mayRerun) {
		List<Long> existing = this.dao.findSubscriptions(20);
		DemoSubscription demo = chosen;
		long subscriptionId;
		boolean rerun = mayRerun && !existing.isEmpty();
		if (rerun) {
			subscriptionId = existing.get(this.random.nextInt(existing.size()));
			Subscription subscription = this.subscriptions.findById(subscriptionId).orElseThrow();
			demo = DemoSubscription.rerunOf(subscription, chosen.business());
		}
		else {
			subscriptionId = this.ingest.createSubscription(demo.request(), Simulator.ACCESS);
		}
		List<DemoHost> hosts = new ArrayList<>(hostCount);
		for (int i = 0; i < hostCount; i++) {
			hosts.add(DemoHost.of(subscriptionId * 100_000 + i, demo.business(), i));
		}
		TaskRequest task = demo.task(hosts, this.clock.instant(),
				(host) -> this.requests.info(this.json.valueToTree(host.instanceInfo()), host.instanceId()));
		long taskId = this.ingest.createTask(subscriptionId, task, Simulator.ACCESS).taskId();
		log.info("Simulator launched task {} of subscription {} with {} hosts at {}", taskId, subscriptionId, hostCount,
				OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
		return taskId;
	}

}
