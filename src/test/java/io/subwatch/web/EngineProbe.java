package io.subwatch.web;

import java.util.List;

import io.subwatch.security.Access;

import org.springframework.context.ApplicationContext;

/** The subscription page's regions in process, without rendering: what the engine benchmark times. */
public final class EngineProbe {

	private final SubscriptionPages pages;

	public EngineProbe(ApplicationContext context) {
		this.pages = context.getBean(SubscriptionPages.class);
	}

	/** The page's data (counters, the table's window and rows, breakdown) for one task, some statuses, a page. */
	public int load(long subscriptionId, long taskId, List<String> statuses, int page, Access access) {
		ResultQuery query = ResultQuery.parse(subscriptionId, String.valueOf(taskId), statuses, null,
				String.valueOf(page), null);
		return this.pages.load(subscriptionId, query, access, null).rows().size();
	}

}
