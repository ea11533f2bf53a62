package io.subwatch.simulate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code subwatch.simulator.*}.
 *
 * @param enabled run on a schedule; unset means "only on the embedded H2 default"
 * @param tick how often in-flight hosts advance
 * @param launchInterval how often a new demo task starts (when fewer than maxRunningTasks run)
 * @param maxRunningTasks demo tasks running at once
 * @param minHosts fewest hosts of a launched task
 * @param maxHosts most hosts of a launched task
 * @param maxInFlight hosts running at once over all demo tasks (NodeMan runs batches of 500)
 * @param agent sub-step timing and failures of agent installs
 * @param plugin sub-step timing and failures of plugin deployments
 */
@ConfigurationProperties("subwatch.simulator")
public record SimulatorProperties(Boolean enabled, @DefaultValue("1s") Duration tick,
		@DefaultValue("3m") Duration launchInterval, @DefaultValue("2") int maxRunningTasks,
		@DefaultValue("20") int minHosts, @DefaultValue("2000") int maxHosts, @DefaultValue("500") int maxInFlight,
		@DefaultValue Timing agent, @DefaultValue Timing plugin) {

	/**
	 * @param minDuration shortest sub-step
	 * @param maxDuration longest sub-step
	 * @param failureRate share of hosts that fail (at one sub-step)
	 */
	public record Timing(@DefaultValue("1s") Duration minDuration, @DefaultValue("6s") Duration maxDuration,
			@DefaultValue("0.06") double failureRate) {
	}

}
