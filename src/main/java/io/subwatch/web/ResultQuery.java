package io.subwatch.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.subwatch.records.Place;
import io.subwatch.records.RecordFilter;
import io.subwatch.subscription.Status;

/**
 * Everything that decides what the subscription page's table shows, as it travels in the query string: task,
 * statuses, search, page and page size. A pasted link, a reload or the back button restore exactly this.
 *
 * @param statuses the status filter, empty for all
 * @param search the search text, normalised to its tokens separated by single spaces ("" for none)
 * @param place the breakdown panels' filter (hosts at one sub-step, or of one failure cluster), or null
 * @param stuck only the task's stragglers ({@code stuck=1}, the progress panels' rule)
 * @param order the table's order
 */
record ResultQuery(long subscriptionId, TaskChoice task, List<Status> statuses, String search, int page, int size,
		Place place, boolean stuck, TableOrder order) {

	ResultQuery(long subscriptionId, TaskChoice task, List<Status> statuses, String search, int page, int size) {
		this(subscriptionId, task, statuses, search, page, size, null);
	}

	ResultQuery(long subscriptionId, TaskChoice task, List<Status> statuses, String search, int page, int size,
			Place place) {
		this(subscriptionId, task, statuses, search, page, size, place, false, TableOrder.RECORD);
	}

	static final List<Integer> SIZES = List.of(50, 100, 200);

	static final int DEFAULT_SIZE = 50;

	static ResultQuery parse(long subscriptionId, String task, List<String> status, String q, String page,
			String size) {
		return parse(subscriptionId, task, status, q, page, size, null, null);
	}

	static ResultQuery parse(long subscriptionId, String task, List<String> status, String q, String page,
			String size, String at, String error) {
		return parse(subscriptionId, task, status, q, page, size, at, error, null, null);
	}

	/** With the breakdown panels' filter: {@code at} a sub-step ("1.2"), {@code error} a failure cluster's key. */
	/** With the stragglers filter ({@code stuck=1}) and the order ({@code order=longest}). */
	static ResultQuery parse(long subscriptionId, String task, List<String> status, String q, String page,
			String size, String at, String error, String stuck, String order) {
		return new ResultQuery(subscriptionId, TaskChoice.parse(task), statuses(status),
				String.join(" ", HostSearch.tokens(q)), positive(page, "page", 1), pageSize(size),
				PlaceFilter.parse(at, error), stuck(stuck), TableOrder.parse(order));
	}

	static boolean stuck(String value) {
		if (value == null || value.isBlank() || "0".equals(value.strip())) {
			return false;
		}
		if ("1".equals(value.strip())) {
			return true;
		}
		throw new BadPageRequestException("error.badStuck", value.strip());
	}

	/** This view with other statuses, search, page and place; the stragglers filter and order kept. */
	private ResultQuery with(List<Status> statuses, String search, int page, Place place, boolean stuck) {
		return new ResultQuery(this.subscriptionId, this.task, statuses, search, page, this.size, place, stuck,
				this.order);
	}

	static List<Status> statuses(List<String> values) {
		List<Status> statuses = new ArrayList<>();
		if (values == null) {
			return statuses;
		}
		for (String value : values) {
			for (String part : value.split(",")) {
				if (part.isBlank()) {
					continue;
				}
				Status status = Status.parse(part.strip().toUpperCase(Locale.ROOT))
					.filter(Status.RECORD_STATUSES::contains)
					.orElseThrow(() -> new BadPageRequestException("error.badStatus", part.strip()));
				if (!statuses.contains(status)) {
					statuses.add(status);
				}
			}
		}
		statuses.sort(Comparator.comparingInt(Status.RECORD_STATUSES::indexOf));
		return List.copyOf(statuses);
	}

	static int positive(String value, String name, int defaultValue) {
		if (value == null || value.isBlank()) {
			return defaultValue;
		}
		try {
			int parsed = Integer.parseInt(value.strip());
			if (parsed >= 1) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new BadPageRequestException("error.badNumber", name, value);
	}

	static int pageSize(String value) {
		int size = positive(value, "size", DEFAULT_SIZE);
		if (!SIZES.contains(size)) {
			throw new BadPageRequestException("error.badSize", size);
		}
		return size;
	}

	public HostSearch hostSearch() {
		return HostSearch.parse(this.search);
	}

	/** The engine's filter of this view (the search is looked up apart). */
	RecordFilter filter() {
		return RecordFilter.of(this.statuses, this.place);
	}

	public boolean hasStatus(Status status) {
		return this.statuses.contains(status);
	}

	public boolean filtered() {
		return !this.statuses.isEmpty() || !this.search.isEmpty() || this.place != null || this.stuck;
	}

	/** This view's URL on another page path (the page itself, its counters fragment, the host export). */
	Href on(String path, boolean withPage) {
		Href href = Href.path(path).param("task", this.task.param()).params("status", this.statuses)
			.param("q", this.search)
			.param("at", (this.place != null) ? this.place.at() : null)
			.param("error", (this.place != null) ? this.place.errorKey() : null);
		// the stragglers filter and the order are the page's (the exports list the filter's hosts in record order)
		if (withPage) {
			href.param("stuck", this.stuck ? "1" : null).param("order", this.order.param());
		}
		if (withPage && this.page > 1) {
			href.param("page", this.page);
		}
		return href.param("size", (this.size != DEFAULT_SIZE) ? this.size : null);
	}

	public String base() {
		return "/subscriptions/" + this.subscriptionId;
	}

	public String href() {
		return on(base(), true).toString();
	}

	public String pageHref(int page) {
		return with(this.statuses, this.search, page, this.place, this.stuck).href();
	}

	/** The same view filtered by one status (a counter's link), from the first page. */
	public String statusHref(Status status) {
		return with(List.of(status), this.search, 1, null, false).href();
	}

	/** The same task and search, hosts at one sub-step in one status (a matrix cell's link), from the first page. */
	public String placeHref(Status status, int stepIndex, int subIndex) {
		return with(List.of(status), this.search, 1, new Place(stepIndex, subIndex, null), false).href();
	}

	/** The same task and search, the failed hosts of one failure cluster, from the first page. */
	public String clusterHref(int stepIndex, int subIndex, String errorKey) {
		return with(List.of(Status.FAILED), this.search, 1, new Place(stepIndex, subIndex, errorKey), false).href();
	}

	/** The IPs of one failure cluster's hosts, as text (the cluster's copy button). */
	public String clusterIpsHref(int stepIndex, int subIndex, String errorKey) {
		return new ResultQuery(this.subscriptionId, this.task, List.of(Status.FAILED), "", 1, DEFAULT_SIZE,
				new Place(stepIndex, subIndex, errorKey)).exportHref(false);
	}

	/** This view without the breakdown filter. */
	public String withoutPlaceHref() {
		return with(this.statuses, this.search, 1, null, this.stuck).href();
	}

	public String allStatusesHref() {
		return with(List.of(), this.search, 1, null, this.stuck).href();
	}

	/** The task's stragglers (the stuck counter's link): this task and page size, no other filter, first page. */
	public String stuckHref() {
		return with(List.of(), "", 1, null, true).href();
	}

	/** This view without the stragglers filter, from the first page. */
	public String withoutStuckHref() {
		return with(this.statuses, this.search, 1, this.place, false).href();
	}

	public boolean longest() {
		return this.order == TableOrder.LONGEST;
	}

	/** The live fragment of this view, tagged with the version the page shows. */
	public String countersHref(String version) {
		return on(base() + "/counters", true).param("v", version).toString();
	}

	/** Hosts of this view (its filter, every page) as text. */
	public String exportHref(boolean cloud) {
		return on(base() + "/hosts.txt", false).param("format", cloud ? "cloud" : null).toString();
	}

	/** This view (its filter, every page) as a CSV or JSON download ({@code extension} "csv" or "json"). */
	public String downloadHref(String extension) {
		return on(base() + "/hosts." + extension, false).toString();
	}

	/** Hosts of this task in one status ("" for all), ignoring the table's filter (the copy menu). */
	public String statusExportHref(String status, boolean cloud) {
		return Href.path(base() + "/hosts.txt").param("task", this.task.param()).param("status", status)
			.param("format", cloud ? "cloud" : null).toString();
	}

}
