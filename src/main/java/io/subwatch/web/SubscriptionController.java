package io.subwatch.web;

import java.util.List;

import io.subwatch.audit.AuditDao;
import io.subwatch.mirror.MirrorNotices;
import io.subwatch.security.Access;
import io.subwatch.subscription.Status;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The subscription page, and its live regions: the counters poll while anything shown may change and carry the
 * result table out of band; a poll whose version is unchanged gets 204 and leaves the page alone.
 */
@Controller
class SubscriptionController {

	static final int AUDIT_ENTRIES = 20;

	private final SubscriptionPages pages;

	private final AuditDao audit;

	private final MirrorNotices mirrors;

	SubscriptionController(SubscriptionPages pages, AuditDao audit, MirrorNotices mirrors) {
		this.pages = pages;
		this.audit = audit;
		this.mirrors = mirrors;
	}

	@GetMapping("/subscriptions/{id}")
	String page(@PathVariable long id, @RequestParam(required = false) String task,
			@RequestParam(name = "status", required = false) List<String> status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, @RequestParam(required = false) String at,
			@RequestParam(required = false) String error, Access access, Model model) {
		ResultQuery query = ResultQuery.parse(id, task, status, q, page, size, at, error);
		SubscriptionPage result = this.pages.load(id, query, access, null);
		model.addAttribute("page", result);
		model.addAttribute("tasks", this.pages.taskOptions(result));
		model.addAttribute("audit", AuditView.of(this.audit.findRecentBySubscription(id, AUDIT_ENTRIES), access));
		model.addAttribute("statusOptions", Status.RECORD_STATUSES);
		model.addAttribute("sizes", ResultQuery.SIZES);
		model.addAttribute("mirror", this.mirrors.forSubscription(id).orElse(null));
		return "subscription/detail";
	}

	@GetMapping("/subscriptions/{id}/counters")
	ModelAndView counters(@PathVariable long id, @RequestParam(required = false) String task,
			@RequestParam(name = "status", required = false) List<String> status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, @RequestParam(name = "v", required = false) String version,
			@RequestParam(required = false) String at, @RequestParam(required = false) String error, Access access,
			HttpServletResponse response) {
		ResultQuery query = ResultQuery.parse(id, task, status, q, page, size, at, error);
		if (this.pages.unchanged(id, access, version)) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return null;
		}
		SubscriptionPage result = this.pages.load(id, query, access, version);
		if (result.unchanged()) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return null;
		}
		ModelAndView view = new ModelAndView("subscription/detail :: live");
		view.addObject("page", result);
		view.addObject("oob", true);
		return view;
	}

}
