package io.subwatch.security;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login form; Spring Security handles its POST, the logout and the redirects. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam Map<String, String> params, Model model) {
		model.addAttribute("failed", params.containsKey("error"));
		model.addAttribute("waitSeconds", seconds(params.get("throttled")));
		model.addAttribute("loggedOut", params.containsKey("logout"));
		return "security/login";
	}

	private static Long seconds(String throttled) {
		if (throttled == null) {
			return null;
		}
		try {
			long seconds = Long.parseLong(throttled);
			return (seconds > 0 && seconds < 86_400) ? seconds : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
