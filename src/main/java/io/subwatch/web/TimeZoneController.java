package io.subwatch.web;

import java.time.Duration;

import io.subwatch.system.ReaderZone;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The time zone switch (browser, UTC, server): remembers the choice in a cookie and goes back to the page it was
 * chosen on, like the language switch. An unknown choice changes nothing.
 */
@Controller
class TimeZoneController {

	@GetMapping("/time-zone")
	RedirectView choose(@RequestParam(name = "zone", required = false) String zone,
			@RequestParam(name = "back", required = false) String back, HttpServletRequest request,
			HttpServletResponse response) {
		ReaderZone.Mode mode = ReaderZone.Mode.parse(zone);
		if (mode != null) {
			ResponseCookie cookie = ResponseCookie.from(ReaderZone.MODE_COOKIE, mode.param())
				.path("/")
				.maxAge(Duration.ofDays(365))
				.sameSite("Lax")
				.httpOnly(true)
				.secure(request.isSecure())
				.build();
			response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		}
		return PageLinks.redirect(back);
	}

}
