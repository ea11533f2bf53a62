package io.subwatch.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path prefixes under which the API answers (the task_result family under every prefix NodeMan clients use, and
 * the reporting API): everything under them answers JSON in the envelope, never a page (see
 * {@link UnknownApiController}, which takes the same prefixes).
 */
public final class ApiPaths {

	private static final String[] PREFIXES = { "/backend/", "/system/backend/", "/v2/nodeman/", "/api/" };

	private ApiPaths() {
	}

	/** Whether the request's path (within the application) lies under an API prefix. */
	public static boolean matches(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return matches((context != null && uri.startsWith(context)) ? uri.substring(context.length()) : uri);
	}

	public static boolean matches(String path) {
		if (path == null) {
			return false;
		}
		for (String prefix : PREFIXES) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
