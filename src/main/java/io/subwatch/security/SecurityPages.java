package io.subwatch.security;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the login, admin and share-link pages share: their standalone layout uses the application stylesheet
 * ({@code /assets/css/app.css}) when the build has one, and {@code /assets/css/security.css} for their own parts.
 */
@ControllerAdvice(assignableTypes = { LoginController.class, ShareLinkController.class,
		ShareLinkEntryController.class, AdminUsersController.class, AdminApplicationsController.class })
class SecurityPages {

	private final boolean appCss = new ClassPathResource("static/assets/css/app.css").exists();

	@ModelAttribute("appCss")
	boolean appCss() {
		return this.appCss;
	}

}
