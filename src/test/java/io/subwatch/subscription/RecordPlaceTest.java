package io.subwatch.subscription;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordPlaceTest {

	private static final StepPlan PLAN = new StepPlan(1, List.of(step("agent", 3), step("plugin", 2)));

	private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

	@Test
	void aNewRecordIsAtItsFirstSubStep() {
		assertThat(place()).isEqualTo(RecordPlace.START);
	}

	@Test
	void aRunningRecordIsAtItsFurthestRunningSubStep() {
		assertThat(place(state(0, 0, Status.SUCCESS), state(0, 1, Status.RUNNING))).isEqualTo(at(0, 1));
		assertThat(place(state(0, 0, Status.SUCCESS), state(0, 1, Status.SUCCESS))).isEqualTo(at(0, 2));
		assertThat(place(state(0, 0, Status.SUCCESS), state(0, 1, Status.SUCCESS), state(0, 2, Status.SUCCESS)))
			.isEqualTo(at(1, 0));
	}

	@Test
	void aFailedRecordIsAtItsFirstFailedSubStep() {
		assertThat(place(state(0, 0, Status.SUCCESS), state(0, 1, Status.FAILED), state(1, 0, Status.FAILED)))
			.isEqualTo(at(0, 1));
		assertThat(place(state(0, 0, Status.TERMINATED))).isEqualTo(at(0, 0));
	}

	@Test
	void aFinishedRecordIsAtItsLastSubStep() {
		assertThat(place(state(0, 0, Status.SUCCESS), state(0, 1, Status.SUCCESS), state(0, 2, Status.SUCCESS),
				state(1, 0, Status.SUCCESS), state(1, 1, Status.SUCCESS)))
			.isEqualTo(at(1, 1));
	}

	@Test
	void aFailureCarriesItsNormalisedError() {
		RecordPlace failed = at(0, 1).failedWith("boot\nERROR connect 10.0.0.1 refused\n");
		assertThat(failed.errorLine()).isEqualTo("ERROR connect 10.0.0.1 refused");
		assertThat(failed.errorKey()).isEqualTo(ErrorText.key("ERROR connect <ip> refused"));
		assertThat(failed.samePosition(at(0, 1))).isTrue();
	}

	private static RecordPlace at(int step, int sub) {
		return new RecordPlace(step, sub, null, null);
	}

	private static RecordPlace place(SubStepState... states) {
		Map<Integer, SubStepState> stored = new HashMap<>();
		for (SubStepState state : states) {
			stored.put(RecordProgress.key(state.stepIndex(), state.subIndex()), state);
		}
		return RecordPlace.of(RecordProgress.of(PLAN, stored));
	}

	private static SubStepState state(int step, int sub, Status status) {
		return new SubStepState(step, sub, status, T, status.isTerminal() ? T : null);
	}

	private static StepPlan.Step step(String id, int subs) {
		return new StepPlan.Step(id, "AGENT", "INSTALL", id, "{}",
				java.util.stream.IntStream.range(0, subs).mapToObj((i) -> new StepPlan.SubStep("s" + i, null)).toList());
	}

}
