package io.subwatch.security;

import io.subwatch.subscription.SubscriptionDao;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Test-only pages under {@code /subscriptions/{id}} that behave like the real ones towards {@link Access} (invisible
 * means 404), so the security tests can tell "the filter chain let it through" from "refused" without depending on
 * the result pages.
 */
@Controller
class SharedPageProbe {

	private final SubscriptionDao subscriptions;

	SharedPageProbe(SubscriptionDao subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/subscriptions/{id}/probe")
	@ResponseBody
	String subscription(@PathVariable long id, Access access) {
		visible(id, access);
		return "subscription " + id + " as " + access.actor();
	}

	@GetMapping("/subscriptions/{id}/instances/{instanceId}/probe")
	@ResponseBody
	String instance(@PathVariable long id, @PathVariable String instanceId, Access access) {
		visible(id, access);
		if (!access.canReadInstance(instanceId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "instance " + instanceId;
	}

	@PostMapping("/subscriptions/{id}/probe")
	@ResponseBody
	String act(@PathVariable long id, Access access) {
		var subscription = visible(id, access);
		if (!access.canWrite(subscription.bkBizId(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "acted on " + id;
	}

	private io.subwatch.subscription.Subscription visible(long id, Access access) {
		return this.subscriptions.findById(id)
			.filter((s) -> access.canRead(s.bkBizId(), s.id()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
