package io.subwatch.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.SubStepColumn;
import io.subwatch.subscription.SubStepState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Forward-only, order-independent, idempotent transitions of one record (spec section 5, ingest rules). */
class TransitionProperties {

	static final StepPlan PLAN = new StepPlan(1, List.of(step("agent", 4), step("plugin", 3)));

	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	static StepPlan.Step step(String id, int subs) {
		List<StepPlan.SubStep> subSteps = new ArrayList<>();
		for (int i = 0; i < subs; i++) {
			subSteps.add(new StepPlan.SubStep(id + i, null));
		}
		return new StepPlan.Step(id, "AGENT", "INSTALL", "[" + id + "]", "{}", subSteps);
	}

	static InstanceRecord record(Status status) {
		return new InstanceRecord(7, 1, 1, "host|instance|host|1", 1, status, true, T0, null, null, T0, 1L, "10.0.0.1",
				null, 0L, "h", 1L, null, "{}");
	}

	@Provide
	Arbitrary<List<ResolvedEvent>> batches() {
		Arbitrary<ResolvedEvent> event = Combinators
			.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 3),
					Arbitraries.of(Status.RUNNING, Status.SUCCESS, Status.FAILED, Status.TERMINATED),
					Arbitraries.integers().between(0, 50), Arbitraries.of("a", "b", null))
			.as((step, sub, status, second, log) -> new ResolvedEvent(new Event(0, 7, (step == 0) ? "agent" : "plugin",
					Math.min(sub, PLAN.steps().get(step).subSteps().size() - 1), status, T0.plusSeconds(second), log),
					step));
		return event.list().ofMaxSize(25);
	}

	static RecordTransitions apply(Map<Integer, SubStepState> stored, List<ResolvedEvent> batch) {
		List<ResolvedEvent> sorted = new ArrayList<>(batch);
		sorted.sort(ResolvedEvent.APPLY_ORDER);
		RecordTransitions transitions = new RecordTransitions(record(Status.PENDING), PLAN, stored);
		sorted.forEach((e) -> transitions.apply(e.stepIndex(), e.event()));
		return transitions;
	}

	/** The states as stored and read back: through the record's sub-step column, as every batch writes them. */
	static Map<Integer, SubStepState> states(RecordTransitions transitions, Map<Integer, SubStepState> stored) {
		Map<Integer, SubStepState> after = SubStepColumn.decode(SubStepColumn.encode(transitions.states()));
		assertThat(after.keySet()).containsAll(stored.keySet());
		return after;
	}

	@Property
	void anyPermutationOfABatchGivesTheSameResult(@ForAll("batches") List<ResolvedEvent> batch, @ForAll long seed) {
		List<ResolvedEvent> shuffled = new ArrayList<>(batch);
		Collections.shuffle(shuffled, new Random(seed));
		assertThat(states(apply(Map.of(), shuffled), Map.of())).isEqualTo(states(apply(Map.of(), batch), Map.of()));
	}

	@Property
	void applyingTheSameBatchAgainChangesNothing(@ForAll("batches") List<ResolvedEvent> batch) {
		Map<Integer, SubStepState> once = states(apply(Map.of(), batch), Map.of());
		RecordTransitions again = apply(once, batch);
		assertThat(again.changed()).isFalse();
	}

	@Property
	void subStepsNeverMoveBackAcrossBatches(@ForAll("batches") List<ResolvedEvent> first,
			@ForAll("batches") List<ResolvedEvent> second) {
		Map<Integer, SubStepState> afterFirst = states(apply(Map.of(), first), Map.of());
		Map<Integer, SubStepState> afterSecond = states(apply(afterFirst, second), afterFirst);
		afterFirst.forEach((key, state) -> {
			assertThat(afterSecond.get(key).status().rank()).isGreaterThanOrEqualTo(state.status().rank());
			if (state.status().isTerminal()) {
				assertThat(afterSecond.get(key)).isEqualTo(state);
			}
		});
	}

	@Property
	void theRecordStatusIsDerivedFromItsSteps(@ForAll("batches") List<ResolvedEvent> batch) {
		RecordProgress progress = apply(Map.of(), batch).progress();
		assertThat(progress.status())
			.isEqualTo(Status.derive(progress.steps().stream().map(RecordProgress.StepProgress::status).toList()));
		progress.steps().forEach((step) -> {
			assertThat(step.status())
				.isEqualTo(Status.derive(step.subSteps().stream().map(SubStepState::status).toList()));
			assertThat(step.finishTime() != null).isEqualTo(step.status().isTerminal() && step.subSteps().stream()
				.anyMatch((s) -> s.finishTime() != null));
		});
	}

	@Property
	void aStartedOrFinishedSubStepLeavesNoPendingOrRunningOneBeforeIt(@ForAll("batches") List<ResolvedEvent> batch) {
		assertNothingActiveBeforeAMovedSubStep(apply(Map.of(), batch).progress());
	}

	@Property
	void theBackFillHoldsAcrossBatches(@ForAll("batches") List<ResolvedEvent> first,
			@ForAll("batches") List<ResolvedEvent> second) {
		Map<Integer, SubStepState> afterFirst = states(apply(Map.of(), first), Map.of());
		assertNothingActiveBeforeAMovedSubStep(apply(afterFirst, second).progress());
	}

	@Property
	void aRunningSubStepBackFilledKeepsItsStartAndFinishesWhenTheNextOneMoves(
			@ForAll("batches") List<ResolvedEvent> batch) {
		Map<Integer, SubStepState> running = Map.of(RecordProgress.key(0, 0),
				new SubStepState(0, 0, Status.RUNNING, T0, null));
		Instant next = T0.plusSeconds(99);
		RecordTransitions transitions = apply(running,
				List.of(new ResolvedEvent(new Event(0, 7, "agent", 1, Status.RUNNING, next, null), 0)));
		SubStepState backFilled = states(transitions, running).get(RecordProgress.key(0, 0));
		assertThat(backFilled).isEqualTo(new SubStepState(0, 0, Status.SUCCESS, T0, next));
		assertNothingActiveBeforeAMovedSubStep(apply(states(transitions, running), batch).progress());
	}

	/** Spec section 5: sub-steps run in order, so none before one that started or ended is still pending or running. */
	static void assertNothingActiveBeforeAMovedSubStep(RecordProgress progress) {
		for (RecordProgress.StepProgress step : progress.steps()) {
			boolean laterMoved = false;
			for (int i = step.subSteps().size() - 1; i >= 0; i--) {
				Status status = step.subSteps().get(i).status();
				if (laterMoved) {
					assertThat(status.isActive()).as("sub-step %d is %s after a later one moved", i, status).isFalse();
				}
				laterMoved |= status != Status.PENDING;
			}
		}
	}

	@Property
	void aTerminatedRecordIgnoresEverything(@ForAll("batches") List<ResolvedEvent> batch) {
		RecordTransitions transitions = new RecordTransitions(record(Status.TERMINATED), PLAN, Map.of());
		batch.forEach((e) -> assertThat(transitions.apply(e.stepIndex(), e.event())).isFalse());
		assertThat(transitions.changed()).isFalse();
	}

}
