package io.subwatch.subscription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The derivation rules of spec section 5, for every combination of children, and reading a status from text. */
class StatusProperties {

	@Property
	void failedWinsThenTerminatedThenRunningThenAllSuccessElsePending(
			@ForAll @Size(min = 1, max = 12) List<@net.jqwik.api.constraints.UniqueElements Status> raw) {
		List<Status> children = raw.stream().filter(Status.RECORD_STATUSES::contains).toList();
		Status derived = Status.derive(children);
		if (children.contains(Status.FAILED)) {
			assertThat(derived).isEqualTo(Status.FAILED);
		}
		else if (children.contains(Status.TERMINATED)) {
			assertThat(derived).isEqualTo(Status.TERMINATED);
		}
		else if (children.contains(Status.RUNNING)) {
			assertThat(derived).isEqualTo(Status.RUNNING);
		}
		else if (!children.isEmpty() && children.stream().allMatch((s) -> s == Status.SUCCESS)) {
			assertThat(derived).isEqualTo(Status.SUCCESS);
		}
		else {
			assertThat(derived).isEqualTo(Status.PENDING);
		}
	}

	@Property
	void theOrderOfChildrenDoesNotMatter(@ForAll @Size(max = 16) List<Status> children, @ForAll long seed) {
		List<Status> shuffled = new ArrayList<>(children);
		Collections.shuffle(shuffled, new Random(seed));
		assertThat(Status.derive(shuffled)).isEqualTo(Status.derive(children));
	}

	@Property
	void subStepsOnlyMoveForward(@ForAll Status from, @ForAll Status to) {
		assertThat(from.canMoveTo(to)).isEqualTo(to.rank() > from.rank());
		if (from.isTerminal()) {
			assertThat(from.canMoveTo(to)).isFalse();
		}
	}

	@Property
	void partFailedIsOnlyATaskSummary(@ForAll @Size(max = 20) List<Status> children) {
		assertThat(Status.derive(children)).isNotEqualTo(Status.PART_FAILED);
	}

	@Property
	void ofNameReadsANameInsideLongerText(@ForAll Status status, @ForAll String before, @ForAll String after) {
		String text = before + status.name() + after;

		assertThat(Status.ofName(text, before.length(), before.length() + status.name().length())).isEqualTo(status);
	}

	@Property
	void ofNameRefusesWhatNamesNoStatus(@ForAll String text) {
		boolean named = Arrays.stream(Status.values()).anyMatch((s) -> s.name().equals(text));

		if (named) {
			assertThat(Status.ofName(text, 0, text.length()).name()).isEqualTo(text);
		}
		else {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Status.ofName(text, 0, text.length()));
		}
	}

}
