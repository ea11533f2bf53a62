package io.subwatch.mirror;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The admin page's view of the sources: id maps in configuration order, freshness and the stored back-off. */
class MirrorOverviewTest {

	private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");

	@Test
	void listsConfiguredThenFormerSubscriptionsWithStateAndBackoff() {
		MirrorProperties.Source source = new MirrorProperties.Source("nodeman", "https://nm.example/", "app",
				"secret", "admin", List.of(1202L, 1201L, 1202L), List.of(), Duration.ofSeconds(10), 5, ZoneId.of("UTC"));
		MirrorSync sync = mock(MirrorSync.class);
		when(sync.sources()).thenReturn(List.of(source));
		MirrorDao dao = mock(MirrorDao.class);
		when(dao.findSubscriptions("nodeman")).thenReturn(Map.of(1201L, 17L, 900L, 5L));
		when(dao.findState("nodeman")).thenReturn(Optional.of(new MirrorState("nodeman", NOW.minusSeconds(5),
				NOW.minusSeconds(65), "refused", 99, 250L)));
		when(dao.findSchedule("nodeman")).thenReturn(Optional.of(new MirrorBackoffs.Pending(3, NOW.plusSeconds(40))));
		MirrorBackoffs backoffs = new MirrorBackoffs(dao);

		MirrorOverview.SourceOverview overview = new MirrorOverview(sync, dao, backoffs,
				Clock.fixed(NOW, ZoneOffset.UTC))
			.sources()
			.get(0);

		assertThat(overview.baseUrl()).isEqualTo("https://nm.example");
		assertThat(overview.subscriptions()).containsExactly(new MirrorOverview.MirroredSubscription(1202, null, true),
				new MirrorOverview.MirroredSubscription(1201, 17L, true),
				new MirrorOverview.MirroredSubscription(900, 5L, false));
		assertThat(overview.syncedSecondsAgo()).isEqualTo(65);
		assertThat(overview.state().lastError()).isEqualTo("refused");
		assertThat(overview.failures()).isEqualTo(3);
		assertThat(overview.nextAttempt()).isEqualTo(NOW.plusSeconds(40));
	}

	@Test
	void aSourceNeverSyncedOnANodeWithoutJobsHasNoStateNorBackoff() {
		MirrorSync sync = mock(MirrorSync.class);
		when(sync.sources()).thenReturn(List.of(new MirrorProperties.Source("nodeman", "https://nm.example", null,
				null, "admin", List.of(), List.of(), Duration.ofSeconds(10), 5, ZoneId.of("UTC"))));
		MirrorDao dao = mock(MirrorDao.class);
		when(dao.findSubscriptions("nodeman")).thenReturn(Map.of());
		when(dao.findState("nodeman")).thenReturn(Optional.empty());
		when(dao.findSchedule("nodeman")).thenReturn(Optional.empty());

		MirrorOverview.SourceOverview overview = new MirrorOverview(sync, dao, new MirrorBackoffs(dao),
				Clock.fixed(NOW, ZoneOffset.UTC))
			.sources()
			.get(0);

		assertThat(overview.state()).isNull();
		assertThat(overview.syncedSecondsAgo()).isNull();
		assertThat(overview.failures()).isNull();
		assertThat(overview.nextAttempt()).isNull();
		assertThat(overview.subscriptions()).isEmpty();
	}

}
