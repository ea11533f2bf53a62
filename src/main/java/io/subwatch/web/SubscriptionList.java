package io.subwatch.web;

import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What the subscription list shows.
 *
 * @param items the rows of this page
 * @param total subscriptions matching the filter
 * @param liveHref the poll that refreshes the running rows, or null when none is running
 */
public record SubscriptionList(List<SubscriptionListItem> items, SubscriptionListQuery query, long total,
		String liveHref) {

	public int pages() {
		return (int) Math.max(1, (this.total + this.query.size() - 1) / this.query.size());
	}

	/** The poll for the running rows among {@code items}: their ids and the version of what they show. */
	static String liveHref(List<SubscriptionListItem> items) {
		List<SubscriptionListItem> running = items.stream().filter(SubscriptionListItem::running).toList();
		return running.isEmpty() ? null
				: Href.path("/subscriptions/live")
					.params("id", running.stream().map(SubscriptionListItem::id).toList())
					.param("v", version(running))
					.toString();
	}

	static String version(List<SubscriptionListItem> items) {
		return LiveVersion.of(items, LocaleContextHolder.getLocale());
	}

}
