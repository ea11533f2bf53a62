package io.subwatch.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * English and Simplified Chinese: the language switch stores the choice in a cookie; without one, the browser's
 * Accept-Language picks (any Chinese variant gets Simplified Chinese, anything else English).
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig {

	static final String COOKIE = "subwatch-lang";

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setCookieHttpOnly(true);
		resolver.setDefaultLocaleFunction(LocaleConfig::fromAcceptLanguage);
		return resolver;
	}

	static Locale fromAcceptLanguage(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") != null) {
			for (Locale wanted : Collections.list(request.getLocales())) {
				Locale match = supported(wanted);
				if (match != null) {
					return match;
				}
			}
		}
		return Locale.ENGLISH;
	}

	/** The supported locale for a requested one, or null. */
	static Locale supported(Locale wanted) {
		if ("zh".equals(wanted.getLanguage())) {
			return Locale.SIMPLIFIED_CHINESE;
		}
		if ("en".equals(wanted.getLanguage())) {
			return Locale.ENGLISH;
		}
		return null;
	}

}
