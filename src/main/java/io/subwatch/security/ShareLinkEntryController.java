package io.subwatch.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.subwatch.subscription.SubscriptionDao;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;

/**
 * Opening a share link: a valid token starts a fresh read-only session for its subscription (or instance) and
 * redirects to that page. A signed-in user who can already see the subscription just goes there, keeping their own
 * session. Unknown, revoked and expired tokens get the same "link not valid" page.
 */
@Controller
class ShareLinkEntryController {

	private final ShareLinkService shareLinks;

	private final SubscriptionDao subscriptions;

	private final SecurityContextRepository contexts;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	ShareLinkEntryController(ShareLinkService shareLinks, SubscriptionDao subscriptions,
			SecurityContextRepository contexts) {
		this.shareLinks = shareLinks;
		this.subscriptions = subscriptions;
		this.contexts = contexts;
	}

	@GetMapping("/s/{token}")
	ModelAndView open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
		Optional<ShareLink> opened = this.shareLinks.open(token);
		if (opened.isEmpty()) {
			return ended(HttpStatus.NOT_FOUND);
		}
		ShareLink link = opened.get();
		if (!userCanRead(link.subscriptionId())) {
			HttpSession old = request.getSession(false);
			if (old != null) {
				old.invalidate();
			}
			SecurityContext context = this.holder.createEmptyContext();
			context.setAuthentication(
					new ShareLinkPrincipal(link.id(), link.subscriptionId(), link.instanceId()).authentication());
			this.holder.setContext(context);
			this.contexts.saveContext(context, request, response);
		}
		RedirectView redirect = new RedirectView(target(link), true);
		redirect.setExpandUriTemplateVariables(false);
		return new ModelAndView(redirect);
	}

	@GetMapping(WebEntryPoint.SHARE_ENDED_PATH)
	ModelAndView ended() {
		return ended(HttpStatus.GONE);
	}

	private static ModelAndView ended(HttpStatus status) {
		ModelAndView page = new ModelAndView("security/share-ended");
		page.setStatus(status);
		return page;
	}

	private boolean userCanRead(long subscriptionId) {
		Authentication current = this.holder.getContext().getAuthentication();
		if (current == null || !(current.getPrincipal() instanceof SubwatchUser user)) {
			return false;
		}
		return this.subscriptions.findById(subscriptionId)
			.filter((s) -> user.access().canRead(s.bkBizId(), s.id()))
			.isPresent();
	}

	static String target(ShareLink link) {
		String page = "/subscriptions/" + link.subscriptionId();
		return (link.instanceId() != null)
				? page + "/instances/" + UriUtils.encodePathSegment(link.instanceId(), StandardCharsets.UTF_8) : page;
	}

}
