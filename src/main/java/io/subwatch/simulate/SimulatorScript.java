package io.subwatch.simulate;

import java.time.Duration;

import io.subwatch.subscription.StepPlan;

/**
 * What happens to a record, decided from its id alone (no state to keep, so a restart resumes exactly): how long each
 * sub-step takes and whether, and where, the host fails.
 */
final class SimulatorScript {

	private final SimulatorProperties properties;

	SimulatorScript(SimulatorProperties properties) {
		this.properties = properties;
	}

	SimulatorProperties.Timing timing(StepPlan.Step step) {
		return "AGENT".equals(step.type()) ? this.properties.agent() : this.properties.plugin();
	}

	/** How long sub-step {@code sub} of step {@code step} of the record runs, within the configured range. */
	Duration duration(long recordId, StepPlan plan, int step, int sub) {
		SimulatorProperties.Timing timing = timing(plan.steps().get(step));
		long min = timing.minDuration().toMillis();
		long spread = Math.max(0, timing.maxDuration().toMillis() - min);
		long roll = Long.remainderUnsigned(mix(recordId * 31 + step * 1009L + sub), spread + 1);
		return Duration.ofMillis(min + roll);
	}

	/** The sub-step where the record fails as {@code step << 16 | sub}, or -1 when it succeeds. */
	int failurePoint(long recordId, StepPlan plan) {
		long hash = mix(recordId ^ 0x5DEECE66DL);
		for (int s = 0; s < plan.steps().size(); s++) {
			double rate = timing(plan.steps().get(s)).failureRate();
			double roll = (double) Long.remainderUnsigned(mix(hash + s), 1_000_000) / 1_000_000;
			if (roll < rate) {
				int subs = plan.steps().get(s).subSteps().size();
				return (s << 16) | (int) Long.remainderUnsigned(mix(hash * 7 + s), subs);
			}
		}
		return -1;
	}

	/** Picks one of {@code count} choices for the record, stable across calls. */
	static int choose(long recordId, int salt, int count) {
		return (int) Long.remainderUnsigned(mix(recordId * 131 + salt), count);
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
