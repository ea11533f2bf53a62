package io.subwatch.web;

import java.util.List;
import java.util.Map;

import io.subwatch.security.Access;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.StatusCounts;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The subscription list ({@code /}), newest first. Its running rows refresh themselves through one poll per page
 * that re-renders only those rows, so nothing shifts under the reader.
 */
@Controller
class SubscriptionListController {

	/** A poll refreshes at most this many rows (the largest page). */
	static final int MAX_LIVE_ROWS = 100;

	private final SubscriptionListDao dao;

	private final CounterDao counters;

	SubscriptionListController(SubscriptionListDao dao, CounterDao counters) {
		this.dao = dao;
		this.counters = counters;
	}

	@GetMapping("/")
	String list(@RequestParam(required = false) String biz, @RequestParam(required = false) String status,
			@RequestParam(required = false) String name, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, Access access, Model model) {
		SubscriptionListQuery query = SubscriptionListQuery.parse(biz, status, name, page, size);
		List<SubscriptionListItem> items = withCounts(this.dao.findPage(query, ListReach.of(access)));
		long total = this.dao.count(query, ListReach.of(access));
		model.addAttribute("list", new SubscriptionList(items, query, total,
				SubscriptionList.liveHref(items)));
		model.addAttribute("businesses", this.dao.findBusinesses(ListReach.of(access)));
		model.addAttribute("statusOptions", SubscriptionListQuery.STATUSES);
		model.addAttribute("sizes", SubscriptionListQuery.SIZES);
		return "subscriptions/list";
	}

	@GetMapping("/subscriptions/live")
	ModelAndView live(@RequestParam(name = "id", required = false) List<Long> ids,
			@RequestParam(name = "v", required = false) String known, Access access, HttpServletResponse response) {
		List<Long> wanted = (ids != null) ? ids.stream().distinct().limit(MAX_LIVE_ROWS).toList() : List.of();
		List<SubscriptionListItem> items = wanted.isEmpty() ? List.of()
				: withCounts(this.dao.findAllByIds(wanted, ListReach.of(access)));
		if (SubscriptionList.version(items).equals(known)) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return null;
		}
		ModelAndView view = new ModelAndView("subscriptions/list :: live");
		view.addObject("items", items);
		view.addObject("liveHref", SubscriptionList.liveHref(items));
		return view;
	}

	private List<SubscriptionListItem> withCounts(List<SubscriptionListItem> items) {
		Map<Long, StatusCounts> byTask = this.counters.findByTasks(items.stream()
			.map(SubscriptionListItem::latestTaskId)
			.filter((id) -> id != null)
			.toList());
		return items.stream()
			.map((item) -> item.withCounts((item.latestTaskId() != null)
					? byTask.getOrDefault(item.latestTaskId(), StatusCounts.EMPTY) : StatusCounts.EMPTY))
			.toList();
	}

}
