package io.subwatch.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stragglerAfter how long a running sub-step may last before its host counts as stuck, while the task has
 * fewer than {@link Stragglers#MIN_SAMPLE} finished runs of that sub-step to take the 95th percentile from
 */
@ConfigurationProperties("subwatch.ui")
record ProgressSettings(@DefaultValue("30m") Duration stragglerAfter) {
}
