package io.subwatch.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import io.subwatch.progress.ProgressPanels;
import io.subwatch.progress.ProgressView;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Task;
import io.subwatch.system.SubwatchProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The progress panels are read once per task and change stamp; a change of the stamp reads them again. */
class PageProgressTest {

	final ProgressPanels panels = mock(ProgressPanels.class);

	final PageProgress progress = new PageProgress(this.panels, new SubwatchProperties(ZoneId.of("Asia/Shanghai"),
			Duration.ofMinutes(30), new SubwatchProperties.Ui(Duration.ofSeconds(3)), new SubwatchProperties.Demo(null)), Clock.systemUTC());

	final Task task = new Task(7, 1, true, null, false, "p", "me", Instant.parse("2026-11-28T00:00:00Z"), 10, false);

	@Test
	void oncePerTaskAndChangeStamp() {
		ProgressView first = mock(ProgressView.class);
		ProgressView second = mock(ProgressView.class);
		when(this.panels.forTask(any(), any())).thenReturn(first, second);

		assertThat(this.progress.of(page(this.task, "stamp1.rowsA"))).isSameAs(first);
		assertThat(this.progress.of(page(this.task, "stamp1.rowsB"))).as("another view of the same state")
			.isSameAs(first);
		verify(this.panels, times(1)).forTask(any(), any());

		assertThat(this.progress.of(page(this.task, "stamp2.rowsA"))).as("the task changed").isSameAs(second);
		verify(this.panels, times(2)).forTask(any(), any());
	}

	@Test
	void noPanelsWithoutASingleTask() {
		assertThat(this.progress.of(page(null, "stamp1.rows"))).isNull();
		verifyNoInteractions(this.panels);
	}

	private static SubscriptionPage page(Task task, String version) {
		return new SubscriptionPage(null, task, null, null, StatusCounts.EMPTY, null, null, version, true, true, false,
				null);
	}

}
