package io.subwatch.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code subwatch.retention.*}.
 *
 * @param logs sub-step logs of hosts that finished longer ago than this are removed; {@code 0} keeps them forever
 * @param keepFailedLogs keep the logs of failed (and terminated) hosts whatever their age: they explain the failure
 * @param tasks whole tasks silent (no event) for longer than this are removed when nothing of them is current any
 * more; {@code 0} (the default) keeps every task
 * @param interval how often one node looks for what to remove
 * @param batchSize records handled per transaction, so no clean-up holds its locks for long
 */
@ConfigurationProperties("subwatch.retention")
record RetentionSettings(@DefaultValue("30d") Duration logs, @DefaultValue("true") boolean keepFailedLogs,
		@DefaultValue("0") Duration tasks, @DefaultValue("1h") Duration interval, @DefaultValue("1000") int batchSize) {

	boolean removesLogs() {
		return !this.logs.isZero() && !this.logs.isNegative();
	}

	boolean removesTasks() {
		return !this.tasks.isZero() && !this.tasks.isNegative();
	}

}
