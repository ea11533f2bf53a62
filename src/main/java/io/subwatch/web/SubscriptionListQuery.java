package io.subwatch.web;

import java.util.List;
import java.util.Locale;

import io.subwatch.subscription.Status;

/**
 * The subscription list's filters and page, as they travel in the query string.
 *
 * @param bizId only this business, or null
 * @param status only subscriptions whose latest task has this summary (RUNNING includes waiting), or null
 * @param name a part of the name, or "" for any
 */
record SubscriptionListQuery(Long bizId, Status status, String name, int page, int size) {

	static final List<Status> STATUSES = List.of(Status.RUNNING, Status.PART_FAILED, Status.FAILED, Status.SUCCESS,
			Status.TERMINATED);

	static final List<Integer> SIZES = List.of(20, 50, 100);

	static SubscriptionListQuery parse(String biz, String status, String name, String page, String size) {
		Long bizId = (biz == null || biz.isBlank()) ? null : (long) ResultQuery.positive(biz, "biz", 1);
		Status summary = null;
		if (status != null && !status.isBlank()) {
			summary = Status.parse(status.strip().toUpperCase(Locale.ROOT))
				.filter(STATUSES::contains)
				.orElseThrow(() -> new BadPageRequestException("error.badStatus", status));
		}
		int pageSize = ResultQuery.positive(size, "size", SIZES.get(0));
		if (!SIZES.contains(pageSize)) {
			throw new BadPageRequestException("error.badSize", pageSize);
		}
		String text = (name != null) ? name.strip() : "";
		if (text.length() > 200) {
			text = text.substring(0, 200);
		}
		return new SubscriptionListQuery(bizId, summary, text, ResultQuery.positive(page, "page", 1), pageSize);
	}

	public String pageHref(int page) {
		return Href.path("/")
			.param("biz", this.bizId)
			.param("status", this.status)
			.param("name", this.name)
			.param("page", (page > 1) ? page : null)
			.param("size", (this.size != SIZES.get(0)) ? this.size : null)
			.toString();
	}

	public boolean filtered() {
		return this.bizId != null || this.status != null || !this.name.isEmpty();
	}

}
