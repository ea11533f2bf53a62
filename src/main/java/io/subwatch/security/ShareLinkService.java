package io.subwatch.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.subwatch.audit.AuditDao;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.SubscriptionDao;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Share links: created, listed and revoked by those who may act on the subscription (a subscription they may not see
 * answers 404, as if it did not exist), opened by anyone holding the token. Creating, opening and revoking are
 * audited.
 */
@Service
class ShareLinkService {

	/** A new link and its token, which exists only in this answer. */
	record Created(ShareLink link, String token) {
	}

	static final int LIST_LIMIT = 200;

	private final ShareLinkDao links;

	private final SubscriptionDao subscriptions;

	private final InstanceRecordDao records;

	private final AuditDao audit;

	private final SecuritySettings settings;

	private final Clock clock;

	ShareLinkService(ShareLinkDao links, SubscriptionDao subscriptions, InstanceRecordDao records, AuditDao audit,
			SecuritySettings settings, Clock clock) {
		this.links = links;
		this.subscriptions = subscriptions;
		this.records = records;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** The subscription, when this caller may share it; 404 otherwise. */
	Subscription shareable(long subscriptionId, Access access) {
		return this.subscriptions.findById(subscriptionId)
			.filter((s) -> access.canRead(s.bkBizId(), s.id()) && access.canWrite(s.bkBizId(), s.id()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	List<ShareLink> list(long subscriptionId, Access access) {
		shareable(subscriptionId, access);
		return this.links.findAllBySubscription(subscriptionId, LIST_LIMIT);
	}

	@Transactional
	Created create(long subscriptionId, String instanceId, Integer days, Access access) {
		shareable(subscriptionId, access);
		int validDays = (days != null) ? days : this.settings.shareLinkDefaultDays();
		if (validDays < 1 || validDays > this.settings.shareLinkMaxDays()) {
			throw new RejectedInput("share.error.days", this.settings.shareLinkMaxDays());
		}
		String instance = (instanceId != null && !instanceId.isBlank()) ? instanceId.strip() : null;
		if (instance != null && (instance.length() > 255
				|| this.records.findNewest(subscriptionId, instance, null).isEmpty())) {
			throw new RejectedInput("share.error.instance", instance);
		}
		Instant now = this.clock.instant();
		Instant expires = now.plus(Duration.ofDays(validDays));
		String token = Secrets.random(32);
		long id = this.links.insert(Secrets.sha256(token), subscriptionId, instance, access.actor(), now, expires);
		this.audit.insert(now, access.actor(), "SHARE_LINK_CREATED", subscriptionId, null, null,
				"link #" + id + ", expires " + expires + ((instance != null) ? ", instance " + instance : ""));
		return new Created(this.links.findById(id).orElseThrow(), token);
	}

	@Transactional
	void revoke(long subscriptionId, long linkId, Access access) {
		shareable(subscriptionId, access);
		Instant now = this.clock.instant();
		if (!this.links.revoke(linkId, subscriptionId, now, access.actor())) {
			throw new RejectedInput("share.error.revoke", linkId);
		}
		this.audit.insert(now, access.actor(), "SHARE_LINK_REVOKED", subscriptionId, null, null, "link #" + linkId);
	}

	/** The valid link of this token, audited as used; empty for an unknown, revoked or expired token. */
	@Transactional
	Optional<ShareLink> open(String token) {
		if (token == null || token.length() < 43 || token.length() > 64) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Optional<ShareLink> link = this.links.findByTokenHash(Secrets.sha256(token)).filter((l) -> l.validAt(now));
		link.ifPresent((l) -> this.audit.insert(now, "share-link #" + l.id(), "SHARE_LINK_USED", l.subscriptionId(),
				null, null, "link #" + l.id() + ((l.instanceId() != null) ? ", instance " + l.instanceId() : "")));
		return link;
	}

	/** Whether the link of a share-link session still works: not revoked, not expired. */
	boolean stillValid(long linkId) {
		Instant now = this.clock.instant();
		return this.links.findById(linkId).filter((l) -> l.validAt(now)).isPresent();
	}

	Instant now() {
		return this.clock.instant();
	}

}
