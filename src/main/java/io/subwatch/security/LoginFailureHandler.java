package io.subwatch.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the form after a failed sign-in: one message for every failure (no hint whether the user exists or is
 * disabled), or, when throttled, how many seconds to wait.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		String query = (ex instanceof LoginThrottledException throttled) ? "throttled=" + throttled.waitSeconds()
				: "error";
		response.sendRedirect(request.getContextPath() + "/login?" + query);
	}

}
