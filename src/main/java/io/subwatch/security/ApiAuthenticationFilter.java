package io.subwatch.security;

import java.io.IOException;
import java.util.Optional;

import io.subwatch.system.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests by their BlueKing common arguments (see {@link ApiCredentials}), for this request only:
 * nothing is stored in a session. Wrong credentials answer 401 at once; missing ones continue anonymously, and the
 * API chain's entry point answers 401. Not a bean, so it runs only inside the API filter chain.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

	private final ApiAuthenticator authenticator;

	private final ApiErrors errors;

	private final JsonMapper json;

	private final long bodyLimit;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiAuthenticationFilter(ApiAuthenticator authenticator, ApiErrors errors, JsonMapper json, long bodyLimit) {
		this.authenticator = authenticator;
		this.errors = errors;
		this.json = json;
		this.bodyLimit = bodyLimit;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isMultipart(request)) {
			// refused before anything parses the parts: the API reads JSON bodies (or form and query parameters)
			this.errors.write(response, HttpStatus.OK, ErrorCode.VALIDATION, "send the body as application/json "
					+ "(or the parameters in the query string); multipart/form-data is not accepted");
			return;
		}
		ApiCredentials.Found found;
		try {
			found = ApiCredentials.find(request, this.json, this.bodyLimit);
		}
		catch (ApiCredentials.Unreadable ex) {
			this.errors.write(response, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, ex.getMessage());
			return;
		}
		catch (ApiCredentials.BodyTooLarge ex) {
			this.errors.write(response, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.VALIDATION, ex.getMessage());
			return;
		}
		ApiCredentials credentials = found.credentials();
		if (credentials.appCode() == null && credentials.appSecret() == null) {
			chain.doFilter(found.request(), response);
			return;
		}
		if (!credentials.complete()) {
			this.errors.write(response, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED,
					((credentials.appCode() == null) ? "bk_app_code" : "bk_app_secret") + " is missing: "
							+ ApiErrors.CREDENTIALS_HINT);
			return;
		}
		LoginThrottle.Attempt attempt = this.authenticator.check(credentials, request.getRemoteAddr());
		if (attempt.waitBefore().isPresent()) {
			long seconds = LoginThrottledException.seconds(attempt.waitBefore().get());
			response.setHeader("Retry-After", String.valueOf(seconds));
			this.errors.write(response, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.UNAUTHENTICATED,
					"too many wrong credentials from this address; retry in " + seconds + " s");
			return;
		}
		Optional<ApiCaller> caller = this.authenticator.authenticate(credentials);
		if (caller.isEmpty()) {
			this.authenticator.failed(attempt);
			this.errors.write(response, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED,
					"bk_app_code or bk_app_secret is wrong, or the application is disabled");
			return;
		}
		this.authenticator.succeeded(attempt);
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(caller.get().authentication());
		this.contexts.setContext(context);
		chain.doFilter(found.request(), response);
	}

}
