package io.subwatch.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Links the layout needs on every page, error pages included (which get no controller model): the language switch
 * and the time zone switch, pointing back at the current page.
 */
@Component("pageLinks")
class PageLinks {

	/** The language switch for {@code lang}, returning to the page being shown. */
	public String language(String lang) {
		return Href.path("/language").param("lang", lang).param("back", currentPath()).toString();
	}

	/** The time zone switch to {@code zone} ({@code local}, {@code utc}, {@code server}), back to this page. */
	public String timeZone(String zone) {
		return Href.path("/time-zone").param("zone", zone).param("back", currentPath()).toString();
	}

	static String currentPath() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return "/";
		}
		HttpServletRequest request = attributes.getRequest();
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (errorUri != null) {
			return errorUri.toString();
		}
		String query = request.getQueryString();
		return request.getRequestURI() + ((query != null) ? "?" + query : "");
	}

	/**
	 * A path on this site, or "/" for anything that could lead elsewhere (an open redirect): it starts with one
	 * {@code /} (not {@code //} or {@code /\\}, which browsers read as another host), so it has no scheme, and holds no
	 * control characters.
	 */
	static String safeLocalPath(String path) {
		if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
				|| path.chars().anyMatch((c) -> c < 0x20 || c == 0x7F)) {
			return "/";
		}
		return path;
	}

	/**
	 * A redirect to a path of this site (made safe as above), taken literally: braces in it are text, not URI
	 * template variables, which {@code "redirect:"} view names would try to fill in and fail on.
	 */
	static RedirectView redirect(String path) {
		RedirectView view = new RedirectView(safeLocalPath(path), true);
		view.setExpandUriTemplateVariables(false);
		return view;
	}

}
