package io.subwatch.web;

import java.util.Locale;

import io.subwatch.security.Access;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.view.RedirectView;

/** The language switch: remembers the choice in a cookie and goes back to the page it was chosen on. */
@Controller
class LanguageController {

	private final LocaleResolver localeResolver;

	LanguageController(LocaleResolver localeResolver) {
		this.localeResolver = localeResolver;
	}

	@GetMapping("/language")
	RedirectView choose(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "back", required = false) String back, HttpServletRequest request,
			HttpServletResponse response, Access access) {
		Locale locale = (lang != null) ? LocaleConfig.supported(Locale.forLanguageTag(lang.replace('_', '-'))) : null;
		if (locale != null) {
			this.localeResolver.setLocale(request, response, locale);
		}
		return PageLinks.redirect(back);
	}

}
