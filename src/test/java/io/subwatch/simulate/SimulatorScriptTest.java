package io.subwatch.simulate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.subwatch.subscription.StepPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's scheduling rules: configured durations and failure rates, the same answer every time. */
class SimulatorScriptTest {

	static final SimulatorProperties PROPERTIES = new SimulatorProperties(true, Duration.ofSeconds(1),
			Duration.ofMinutes(3), 2, 20, 2000, 500,
			new SimulatorProperties.Timing(Duration.ofSeconds(2), Duration.ofSeconds(9), 0.2),
			new SimulatorProperties.Timing(Duration.ofMillis(100), Duration.ofMillis(100), 0.0));

	static StepPlan plan(String type, int subs) {
		List<StepPlan.SubStep> subSteps = new ArrayList<>();
		for (int i = 0; i < subs; i++) {
			subSteps.add(new StepPlan.SubStep("s" + i, null));
		}
		return new StepPlan(1, List.of(new StepPlan.Step("x", type, "A", "[x]", "{}", subSteps)));
	}

	final SimulatorScript script = new SimulatorScript(PROPERTIES);

	@Test
	void durationsStayWithinTheConfiguredRangeAndRepeat() {
		StepPlan agent = plan("AGENT", 8);
		for (long record = 1; record < 2000; record++) {
			Duration duration = this.script.duration(record, agent, 0, (int) (record % 8));
			assertThat(duration).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(9));
			assertThat(this.script.duration(record, agent, 0, (int) (record % 8))).isEqualTo(duration);
		}
		assertThat(this.script.duration(7, plan("PLUGIN", 4), 0, 3)).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void theConfiguredShareOfHostsFailsAtASubStepOfTheirPlan() {
		StepPlan agent = plan("AGENT", 8);
		int failures = 0;
		for (long record = 1; record <= 10_000; record++) {
			int point = this.script.failurePoint(record, agent);
			if (point >= 0) {
				failures++;
				assertThat(point >> 16).isZero();
				assertThat(point & 0xFFFF).isBetween(0, 7);
			}
			assertThat(this.script.failurePoint(record, agent)).isEqualTo(point);
		}
		assertThat(failures).isBetween(1_800, 2_200);
		for (long record = 1; record <= 1_000; record++) {
			assertThat(this.script.failurePoint(record, plan("PLUGIN", 4))).isEqualTo(-1);
		}
	}

}
