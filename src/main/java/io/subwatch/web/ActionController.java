package io.subwatch.web;

import java.util.Optional;

import io.subwatch.result.OperatorActions;
import io.subwatch.security.Access;
import io.subwatch.subscription.SourceActions;
import io.subwatch.system.ApiException;
import io.subwatch.system.ErrorCode;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Retry and terminate from the pages: a confirmation page with the exact host counts, then a POST that acts once
 * (its form carries a one-time token) and redirects to the result with a message (post-redirect-get). The page to
 * return to ({@code back}) is a path of this site, redirected to literally (see {@link PageLinks#redirect}).
 */
@Controller
class ActionController {

	private final OperatorPages operator;

	private final ActionTokenDao tokens;

	private final SourceActions sources;

	ActionController(OperatorPages operator, ActionTokenDao tokens, SourceActions sources) {
		this.operator = operator;
		this.tokens = tokens;
		this.sources = sources;
	}

	/** The source's new task id as the source answered it, for the message. */
	static String sourceTask(SourceActions.Forwarded forwarded) {
		return forwarded.taskId().map(String::valueOf).orElse("?");
	}

	@RequestMapping(path = "/subscriptions/{id}/confirm", method = { RequestMethod.GET, RequestMethod.POST })
	ModelAndView confirm(@PathVariable long id, ActionForm form, Access access, Model model,
			RedirectAttributes redirect) {
		this.operator.requireWritable(id, access);
		ActionTarget target = form.target(id, ActionTarget.Kind.parse(form.action()));
		if (target.explicit() && target.instances().isEmpty()) {
			redirect.addFlashAttribute("flash", Flash.warn("action.selectFirst"));
			return new ModelAndView(PageLinks.redirect(target.backHref()));
		}
		model.addAttribute("preview", this.operator.preview(id, target, access));
		return new ModelAndView("subscription/confirm");
	}

	@PostMapping("/subscriptions/{id}/retry")
	RedirectView retry(@PathVariable long id, ActionForm form, Access access, HttpSession session,
			RedirectAttributes redirect) {
		this.operator.requireWritable(id, access);
		ActionTarget target = form.target(id, ActionTarget.Kind.RETRY);
		ActionTokens.Outcome earlier = ActionTokens.claim(session, form.token(), this.tokens);
		if (earlier != null) {
			return repeated(earlier, target, redirect);
		}
		String to;
		Flash flash;
		try {
			OperatorActions.Retried retried = this.operator.retry(id, target, access);
			if (retried.forwarded() != null) {
				to = target.backHref();
				flash = changed(Flash.ok("action.retriedAtSource", retried.forwarded().source(),
						retried.instanceCount(), sourceTask(retried.forwarded())), form, retried.instanceCount());
				return done(session, form, to, flash, redirect);
			}
			to = (target.mode() == ActionTarget.Mode.ONE && target.back() != null
					&& target.back().startsWith("/subscriptions/" + id + "/instances/"))
							? Href.instance(id, target.instances().get(0)).param("task", retried.taskId()).toString()
							: Href.subscription(id).param("task", retried.taskId()).toString();
			flash = changed(Flash.ok("action.retried", retried.instanceCount(), retried.taskId()), form,
					retried.instanceCount());
		}
		catch (ApiException ex) {
			to = target.backHref();
			flash = refused(ex, "action.nothingToRetry");
		}
		return done(session, form, to, flash, redirect);
	}

	@PostMapping("/subscriptions/{id}/terminate")
	RedirectView terminate(@PathVariable long id, ActionForm form, Access access, HttpSession session,
			RedirectAttributes redirect) {
		this.operator.requireWritable(id, access);
		ActionTarget target = form.target(id, ActionTarget.Kind.TERMINATE);
		ActionTokens.Outcome earlier = ActionTokens.claim(session, form.token(), this.tokens);
		if (earlier != null) {
			return repeated(earlier, target, redirect);
		}
		String to = target.backHref();
		Flash flash;
		try {
			int stopped = this.operator.terminate(id, target, form.trimmedReason(), access);
			Optional<String> source = this.sources.sourceOf(id);
			flash = changed(source.isPresent() ? Flash.ok("action.terminatedAtSource", source.get(), stopped)
					: Flash.ok("action.terminated", stopped), form, stopped);
		}
		catch (ApiException ex) {
			flash = refused(ex, "action.nothingToTerminate");
		}
		return done(session, form, to, flash, redirect);
	}

	private static RedirectView done(HttpSession session, ActionForm form, String to, Flash flash,
			RedirectAttributes redirect) {
		ActionTokens.complete(session, form.token(), to, flash);
		redirect.addFlashAttribute("flash", flash);
		return PageLinks.redirect(to);
	}

	/** A second submit of the same confirmation: show the first one's result, do nothing again. */
	private static RedirectView repeated(ActionTokens.Outcome earlier, ActionTarget target, RedirectAttributes redirect) {
		if (earlier.redirect() == null) {
			redirect.addFlashAttribute("flash", Flash.warn("action.inProgress"));
			return PageLinks.redirect(target.backHref());
		}
		redirect.addFlashAttribute("flash", earlier.flash().withDetail("action.alreadyDone"));
		return PageLinks.redirect(earlier.redirect());
	}

	/** Says so when the count differs from what the confirmation showed (hosts finished or changed meanwhile). */
	private static Flash changed(Flash flash, ActionForm form, int actual) {
		if (form.expected() != null && form.expected() != actual) {
			return flash.withDetail("action.changedSince", form.expected(), actual);
		}
		return flash;
	}

	private static Flash refused(ApiException ex, String nothingKey) {
		boolean nothing = ex.errorCode() == ErrorCode.NOTHING_TO_REVOKE
				|| String.valueOf(ex.getMessage()).startsWith("nothing to");
		return nothing ? Flash.warn(nothingKey) : Flash.error("action.refused", ex.getMessage());
	}

}
