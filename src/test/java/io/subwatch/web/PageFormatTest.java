package io.subwatch.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.system.ReaderZone;
import io.subwatch.system.SubwatchProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class PageFormatTest {

	private static final Instant NOW = Instant.parse("2026-11-28T02:00:09Z");

	private final PageFormat format = new PageFormat(new ReaderZone(
			new SubwatchProperties(ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(30),
					new SubwatchProperties.Ui(Duration.ofSeconds(3)), new SubwatchProperties.Demo(null))),
			Clock.fixed(NOW, ZoneOffset.UTC), messages());

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void timesAreLocalToTheConfiguredZoneAndTheZoneIsNamed() {
		assertThat(this.format.time(NOW)).isEqualTo("2026-11-28 10:00:09");
		assertThat(this.format.iso(NOW)).isEqualTo("2026-11-28T02:00:09Z");
		assertThat(this.format.zone()).isEqualTo("UTC+08:00");
		assertThat(this.format.zoneId()).isEqualTo("Asia/Shanghai");
		assertThat(this.format.time(null)).isEmpty();
	}

	@Test
	void durationsInTheTwoLargestUnitsOfTheReadersLanguage() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.format.words(Duration.ofMillis(300))).isEqualTo("<1 s");
		assertThat(this.format.words(Duration.ofSeconds(45))).isEqualTo("45 s");
		assertThat(this.format.words(Duration.ofSeconds(65))).isEqualTo("1 min 5 s");
		assertThat(this.format.words(Duration.ofSeconds(7200 + 300 + 9))).isEqualTo("2 h 5 min");
		assertThat(this.format.words(Duration.ofSeconds(3600 + 9))).isEqualTo("1 h");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(this.format.words(Duration.ofSeconds(65))).isEqualTo("1分5秒");
	}

	@Test
	void runningDurationsCountToNow() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.format.duration(NOW.minusSeconds(30), null)).isEqualTo("30 s");
		assertThat(this.format.isoDuration(NOW.minusSeconds(30), null)).isEqualTo("PT30S");
		assertThat(this.format.duration(null, null)).isEmpty();
	}

	@Test
	void statusBarSegmentsSpanTheWholeBarInStatusOrder() {
		StatusCounts counts = StatusCounts.of(java.util.List.of(java.util.Map.entry("SUCCESS", 3),
				java.util.Map.entry("FAILED", 1)));
		var segments = this.format.segments(counts);
		assertThat(segments).extracting(PageFormat.Segment::status).containsExactly(Status.SUCCESS, Status.FAILED);
		assertThat(segments.get(0).width()).isEqualTo("750.0");
		assertThat(segments.get(1).x()).isEqualTo("750.0");
		assertThat(this.format.icon(Status.FAILED)).isNotEqualTo(this.format.icon(Status.SUCCESS));
		assertThat(this.format.css(Status.PART_FAILED)).isEqualTo("status-part-failed");
	}

}
