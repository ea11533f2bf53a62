package io.subwatch.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in user changes their own password, typing the current one. Their other sessions end (the password's
 * generation changes); this one goes on, under a new session id.
 */
@Controller
class AccountController {

	private final PasswordChanges passwords;

	private final SecurityContextRepository contexts;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	AccountController(PasswordChanges passwords, SecurityContextRepository contexts) {
		this.passwords = passwords;
		this.contexts = contexts;
	}

	@GetMapping("/account/password")
	String form(@AuthenticationPrincipal SubwatchUser user) {
		requireUser(user);
		return "security/account-password";
	}

	@PostMapping("/account/password")
	String change(@AuthenticationPrincipal SubwatchUser user, @RequestParam(required = false) String current,
			@RequestParam(required = false) String password, @RequestParam(required = false) String repeated,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		requireUser(user);
		try {
			UserAccount changed = this.passwords.changeOwn(user.id(), current, password, repeated,
					request.getRemoteAddr());
			keepSignedIn(changed, request, response);
			redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("account.password.changed"));
		}
		catch (RejectedInput ex) {
			redirect.addFlashAttribute(Notice.ATTRIBUTE, ex.notice());
		}
		return "redirect:/account/password";
	}

	/** Only database users have a password here (a share link has none). */
	private static void requireUser(SubwatchUser user) {
		if (user == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/** This session carries the new password generation, so it is not signed out with the others. */
	private void keepSignedIn(UserAccount changed, HttpServletRequest request, HttpServletResponse response) {
		Authentication old = this.holder.getContext().getAuthentication();
		var token = changed.principal().authentication(old.getAuthorities());
		token.setDetails(old.getDetails());
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(token);
		this.holder.setContext(context);
		request.changeSessionId();
		this.contexts.saveContext(context, request, response);
	}

}
