package io.subwatch.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.subwatch.subscription.RecordProgress.StepProgress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec section 5's derivation for any plan and any stored states: a step's status from its sub-steps, the record's
 * from its steps; each starts with its first start and, once terminal, finishes with its last finish.
 */
class RecordProgressProperties {

	private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

	@Property
	void everyLevelDerivesFromTheOneBelow(@ForAll @IntRange(min = 1, max = 4) int stepCount,
			@ForAll @IntRange(min = 1, max = 6) int subsPerStep, @ForAll long seed) {
		Random random = new Random(seed);
		List<StepPlan.Step> planSteps = new ArrayList<>();
		Map<Integer, SubStepState> stored = new HashMap<>();
		for (int s = 0; s < stepCount; s++) {
			List<StepPlan.SubStep> subs = new ArrayList<>();
			for (int i = 0; i < subsPerStep; i++) {
				subs.add(new StepPlan.SubStep("sub " + i, null));
				Status status = Status.RECORD_STATUSES.get(random.nextInt(Status.RECORD_STATUSES.size()));
				if (status != Status.PENDING) {
					stored.put(RecordProgress.key(s, i), new SubStepState(s, i, status, time(random), time(random)));
				}
			}
			planSteps.add(new StepPlan.Step("step" + s, "PLUGIN", "INSTALL", "step " + s, "{}", subs));
		}

		RecordProgress progress = RecordProgress.of(new StepPlan(1, planSteps), stored);

		assertThat(progress.steps()).hasSize(stepCount);
		for (int s = 0; s < stepCount; s++) {
			StepProgress step = progress.steps().get(s);
			List<SubStepState> subs = step.subSteps();
			assertThat(subs).hasSize(subsPerStep);
			for (int i = 0; i < subsPerStep; i++) {
				SubStepState expected = stored.getOrDefault(RecordProgress.key(s, i), SubStepState.pending(s, i));
				assertThat(subs.get(i)).isEqualTo(expected);
			}
			assertThat(step.status()).isEqualTo(Status.derive(subs.stream().map(SubStepState::status).toList()));
			assertThat(step.startTime()).isEqualTo(first(subs.stream().map(SubStepState::startTime).toList()));
			assertThat(step.finishTime()).isEqualTo(
					step.status().isTerminal() ? last(subs.stream().map(SubStepState::finishTime).toList()) : null);
		}
		List<StepProgress> steps = progress.steps();
		assertThat(progress.status()).isEqualTo(Status.derive(steps.stream().map(StepProgress::status).toList()));
		assertThat(progress.startTime()).isEqualTo(first(steps.stream().map(StepProgress::startTime).toList()));
		assertThat(progress.finishTime()).isEqualTo(
				progress.status().isTerminal() ? last(steps.stream().map(StepProgress::finishTime).toList()) : null);
	}

	private static Instant time(Random random) {
		return random.nextInt(4) == 0 ? null : T0.plusSeconds(random.nextInt(3600));
	}

	private static Instant first(List<Instant> times) {
		return times.stream().filter((t) -> t != null).findFirst().orElse(null);
	}

	private static Instant last(List<Instant> times) {
		Instant last = null;
		for (Instant time : times) {
			last = (time != null) ? time : last;
		}
		return last;
	}

}
