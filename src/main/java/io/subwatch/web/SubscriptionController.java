package io.subwatch.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.subwatch.audit.AuditDao;
import io.subwatch.mirror.MirrorNotices;
import io.subwatch.security.Access;
import io.subwatch.subscription.Status;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The subscription page, and its live regions: the counters poll while anything shown may change and carry the
 * result table out of band; a poll whose version is unchanged gets 204 and leaves the page alone.
 */
@Controller
class SubscriptionController {

	static final int AUDIT_ENTRIES = 20;

	static final String LIVE_CONTENT_TYPE = "text/html;charset=UTF-8";

	private final SubscriptionPages pages;

	private final AuditDao audit;

	private final MirrorNotices mirrors;

	private final LiveRegionCache liveRegions;

	private final ThymeleafViewResolver views;

	SubscriptionController(SubscriptionPages pages, AuditDao audit, MirrorNotices mirrors,
			LiveRegionCache liveRegions, ThymeleafViewResolver views) {
		this.pages = pages;
		this.liveRegions = liveRegions;
		this.views = views;
		this.audit = audit;
		this.mirrors = mirrors;
	}

	@GetMapping("/subscriptions/{id}")
	String page(@PathVariable long id, @RequestParam(required = false) String task,
			@RequestParam(name = "status", required = false) List<String> status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, @RequestParam(required = false) String at,
			@RequestParam(required = false) String error, @RequestParam(required = false) String stuck,
			@RequestParam(required = false) String order, Access access, Model model) {
		ResultQuery query = ResultQuery.parse(id, task, status, q, page, size, at, error, stuck, order);
		SubscriptionPage result = this.pages.load(id, query, access, null);
		model.addAttribute("page", result);
		model.addAttribute("tasks", this.pages.taskOptions(result));
		model.addAttribute("audit", AuditView.of(this.audit.findRecentBySubscription(id, AUDIT_ENTRIES), access));
		model.addAttribute("statusOptions", Status.RECORD_STATUSES);
		model.addAttribute("sizes", ResultQuery.SIZES);
		model.addAttribute("orders", TableOrder.values());
		model.addAttribute("mirror", this.mirrors.forSubscription(id).orElse(null));
		return "subscription/detail";
	}

	@GetMapping("/subscriptions/{id}/counters")
	void counters(@PathVariable long id, @RequestParam(required = false) String task,
			@RequestParam(name = "status", required = false) List<String> status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, @RequestParam(name = "v", required = false) String version,
			@RequestParam(required = false) String at, @RequestParam(required = false) String error,
			@RequestParam(required = false) String stuck, @RequestParam(required = false) String order, Access access,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		ResultQuery query = ResultQuery.parse(id, task, status, q, page, size, at, error, stuck, order);
		// one read answers an unchanged poll and keys the rendered region
		String stamp = this.pages.readerStamp(id, access).orElse(null);
		if (stamp != null && SubscriptionPages.unchanged(stamp, access, version)) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return;
		}
		String key = (stamp != null) ? id + "?" + view(request) + "#" + stamp + "|" + access.instanceId() : null;
		byte[] cached = (key != null) ? this.liveRegions.get(key) : null;
		if (cached != null) {
			response.setContentType(LIVE_CONTENT_TYPE);
			response.setContentLength(cached.length);
			response.getOutputStream().write(cached);
			return;
		}
		SubscriptionPage result = this.pages.load(id, query, access, version);
		if (result.unchanged()) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return;
		}
		ContentCachingResponseWrapper body = new ContentCachingResponseWrapper(response);
		View view = this.views.resolveViewName("subscription/detail :: live", RequestContextUtils.getLocale(request));
		view.render(Map.of("page", result, "oob", true), request, body);
		if (key != null && body.getStatus() == HttpServletResponse.SC_OK) {
			this.liveRegions.put(key, body.getContentAsByteArray());
		}
		body.copyBodyToResponse();
	}

	/** The view a poll asks for, whatever the order of its parameters: all of them but the version it carries. */
	private static String view(HttpServletRequest request) {
		StringBuilder view = new StringBuilder();
		new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
			if (!"v".equals(name)) {
				view.append(name).append('=').append(String.join(",", values)).append('&');
			}
		});
		return view.toString();
	}

}
