package io.subwatch.result;

import java.util.List;
import java.util.Map;

import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the API reports for stored statuses (spec section 5), in both settings of subwatch.api.terminated-as. */
class ApiStatusesTest {

	static final ApiStatuses AS_STORED = new ApiStatuses(Status.TERMINATED);

	static final StatusCounts COUNTS = StatusCounts.of(List.of(Map.entry("SUCCESS", 5), Map.entry("FAILED", 2),
			Map.entry("TERMINATED", 3)));

	@Test
	void terminatedIsReportedFailedByDefault() {
		assertThat(ApiStatuses.NODEMAN.report(Status.TERMINATED)).isEqualTo(Status.FAILED);
		assertThat(ApiStatuses.NODEMAN.report(Status.RUNNING)).isEqualTo(Status.RUNNING);
		assertThat(AS_STORED.report(Status.TERMINATED)).isEqualTo(Status.TERMINATED);
	}

	@Test
	void aFilterNamesTheStoredStatusesReportedSoAndUnknownOnesNone() {
		assertThat(ApiStatuses.NODEMAN.storedAs(List.of("FAILED"))).containsExactly(Status.FAILED, Status.TERMINATED);
		assertThat(ApiStatuses.NODEMAN.storedAs(List.of("TERMINATED", "DONE", "failed", "PART_FAILED"))).isEmpty();
		assertThat(ApiStatuses.NODEMAN.storedAs(List.of("RUNNING", "FAILED", "RUNNING")))
			.containsExactly(Status.RUNNING, Status.FAILED, Status.TERMINATED);
		assertThat(AS_STORED.storedAs(List.of("FAILED"))).containsExactly(Status.FAILED);
		assertThat(AS_STORED.storedAs(List.of("TERMINATED"))).containsExactly(Status.TERMINATED);
	}

	@Test
	void theCounterMergesTerminatedIntoFailedAndKeepsItsTotal() {
		StatusCounts reported = ApiStatuses.NODEMAN.report(COUNTS);
		assertThat(reported.byStatus()).containsExactly(Map.entry(Status.FAILED, 5), Map.entry(Status.SUCCESS, 5));
		assertThat(reported.total()).isEqualTo(10);
		assertThat(AS_STORED.report(COUNTS)).isEqualTo(COUNTS);
	}

	@Test
	void onlyFailedOrTerminatedMayBeChosen() {
		assertThatThrownBy(() -> new ApiStatuses(Status.SUCCESS)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("subwatch.api.terminated-as must be FAILED or TERMINATED");
	}

}
