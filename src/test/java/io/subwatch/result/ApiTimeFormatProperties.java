package io.subwatch.result;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast formatter writes exactly what DateTimeFormatter writes, in fixed and daylight-saving zones. */
class ApiTimeFormatProperties {

	static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Property
	void sameTextAsDateTimeFormatter(@ForAll @LongRange(min = 0, max = 253_402_000_000L) long epochSecond) {
		Instant instant = Instant.ofEpochSecond(epochSecond);
		for (String zone : new String[] { "Asia/Shanghai", "America/New_York", "UTC", "Australia/Lord_Howe" }) {
			ZoneId id = ZoneId.of(zone);
			assertThat(new ApiTimeFormat(id).format(instant)).isEqualTo(REFERENCE.withZone(id).format(instant));
		}
	}

}
