package io.subwatch.system;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code subwatch.*} setting in one place.
 *
 * @param timeZone zone in which the API and the pages render times (the database holds UTC)
 * @param zombieTimeout records without any event for this long are failed
 * @param ui page settings
 * @param demo demo data settings
 */
@ConfigurationProperties("subwatch")
public record SubwatchProperties(@DefaultValue("Asia/Shanghai") ZoneId timeZone,
		@DefaultValue("30m") Duration zombieTimeout, @DefaultValue Ui ui, @DefaultValue Demo demo) {

	/**
	 * @param pollInterval how often live regions refresh while work is running
	 */
	public record Ui(@DefaultValue("3s") Duration pollInterval) {
	}

	/**
	 * @param enabled load the demo into an empty database; unset means "only on the embedded H2 default"
	 */
	public record Demo(Boolean enabled) {
	}

}
