package io.subwatch.web;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Cache;
import io.subwatch.progress.ProgressPanels;
import io.subwatch.progress.ProgressView;
import io.subwatch.progress.Stragglers;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Task;
import io.subwatch.system.SubwatchProperties;

import org.springframework.stereotype.Component;

/**
 * The progress panels of the task a subscription page shows, built once per change of its subscription: the panels
 * read the task's running hosts and finish times (six reads, the dearest part of the page), and every page view, poll
 * and reader of an unchanged task would read them again. Keyed by the task and the change stamp the page was loaded
 * under (read before its data, so an entry is never older than its key says); entries live one poll interval, as
 * {@link LiveRegionCache}'s, so a running host's duration and the ETA are never older than that.
 */
@Component("pageProgress")
class PageProgress {

	private final ProgressPanels panels;

	private final Cache<String, ProgressView> views;

	PageProgress(ProgressPanels panels, SubwatchProperties properties, Clock clock) {
		this.panels = panels;
		this.views = PollIntervalCache.build(properties, clock, 500);
	}

	/** The panels of the page's task; null when the page shows no single task. */
	public ProgressView of(SubscriptionPage page) {
		return (page.task() == null) ? null : of(page.task(), page.counters(), page.version());
	}

	/**
	 * The stuck hosts of {@code task} (the table's badge and stuck filter) from the same panels the page shows, under
	 * the change stamp the page is being loaded with: the page's panels are then read once for both.
	 */
	Stragglers stragglers(Task task, StatusCounts counts, String stamp) {
		if (task == null || counts.count(Status.RUNNING) == 0) {
			return Stragglers.NONE;
		}
		return of(task, counts, stamp).stragglers();
	}

	/** {@code version}: the page's version, or its change stamp alone (the part before the first dot). */
	private ProgressView of(Task task, StatusCounts counts, String version) {
		int dot = version.indexOf('.');
		String key = task.id() + "#" + ((dot > 0) ? version.substring(0, dot) : version);
		return this.views.get(key, (k) -> this.panels.forTask(task, counts));
	}

}
