package io.subwatch.security;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The share-links page of a subscription: its links with who created them, a form for a new one (expiry, optional
 * instance) and a revoke button per link. A new link's URL is shown once, right after it is created.
 */
@Controller
class ShareLinkController {

	private final ShareLinkService shareLinks;

	private final SecuritySettings settings;

	private final PageTime.Format times;

	ShareLinkController(ShareLinkService shareLinks, SecuritySettings settings, PageTime.Format times) {
		this.shareLinks = shareLinks;
		this.settings = settings;
		this.times = times;
	}

	@GetMapping("/subscriptions/{id}/share-links")
	String list(@PathVariable long id, Access access, Model model) {
		model.addAttribute("subscription", this.shareLinks.shareable(id, access));
		model.addAttribute("links", rows(this.shareLinks.list(id, access)));
		model.addAttribute("listLimit", ShareLinkService.LIST_LIMIT);
		model.addAttribute("defaultDays", this.settings.shareLinkDefaultDays());
		model.addAttribute("maxDays", this.settings.shareLinkMaxDays());
		return "security/share-links";
	}

	@PostMapping("/subscriptions/{id}/share-links")
	String create(@PathVariable long id, @RequestParam(required = false) String days,
			@RequestParam(required = false) String instanceId, Access access, RedirectAttributes redirect) {
		try {
			ShareLinkService.Created created = this.shareLinks.create(id, instanceId, parseDays(days), access);
			redirect.addFlashAttribute("createdUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/s/{token}")
				.buildAndExpand(created.token())
				.toUriString());
			redirect.addFlashAttribute("createdExpires", this.times.of(created.link().expiresAt()));
		}
		catch (RejectedInput ex) {
			redirect.addFlashAttribute(Notice.ATTRIBUTE, ex.notice());
		}
		return "redirect:/subscriptions/{id}/share-links";
	}

	@PostMapping("/subscriptions/{id}/share-links/{linkId}/revoke")
	String revoke(@PathVariable long id, @PathVariable long linkId, Access access, RedirectAttributes redirect) {
		try {
			this.shareLinks.revoke(id, linkId, access);
			redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("share.revoked", linkId));
		}
		catch (RejectedInput ex) {
			redirect.addFlashAttribute(Notice.ATTRIBUTE, ex.notice());
		}
		return "redirect:/subscriptions/{id}/share-links";
	}

	private Integer parseDays(String days) {
		if (days == null || days.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(days.strip());
		}
		catch (NumberFormatException ex) {
			throw new RejectedInput("share.error.days", this.settings.shareLinkMaxDays());
		}
	}

	/** A row of the links table: the link and its state (active, expired, revoked) at the page's time. */
	record Row(ShareLink link, String state, PageTime created, PageTime expires, PageTime revoked) {
	}

	private List<Row> rows(List<ShareLink> links) {
		Instant now = this.shareLinks.now();
		return links.stream()
			.map((link) -> new Row(link,
					(link.revokedAt() != null) ? "revoked" : (link.expiredAt(now) ? "expired" : "active"),
					this.times.of(link.createdAt()), this.times.of(link.expiresAt()), this.times.of(link.revokedAt())))
			.toList();
	}

}
