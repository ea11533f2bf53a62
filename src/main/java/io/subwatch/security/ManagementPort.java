package io.subwatch.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Requests on the management port: Spring Boot serves actuator there from a child context of its own (server
 * namespace {@code management}), so a request belongs to it when its servlet context does.
 */
final class ManagementPort {

	/** The endpoints exposed without login ({@code management.endpoints.web.exposure.include}). */
	static final RequestMatcher PUBLIC_ENDPOINTS = EndpointRequest.to("health", "info", "prometheus");

	private ManagementPort() {
	}

	static boolean serves(HttpServletRequest request) {
		WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
		return context != null && WebServerApplicationContext.hasServerNamespace(context, "management");
	}

}
