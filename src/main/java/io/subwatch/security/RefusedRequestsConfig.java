package io.subwatch.security;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before Spring MVC sees them get the security headers and the envelope (API) or a small page:
 * Tomcat's own refusals through {@link HeaderedErrorReportValve}, which replaces Tomcat's error report valve, and
 * Spring Security's firewall refusals (a {@code ..} or {@code //} in the path) through its rejected-request handler.
 */
@Configuration(proxyBeanMethods = false)
class RefusedRequestsConfig {

	@Bean
	RefusedRequests refusedRequests(SecuritySettings settings, JsonMapper json) {
		return new RefusedRequests(settings.contentSecurityPolicy(), json);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> headeredErrorReports(RefusedRequests refused) {
		return new HeaderedErrorReports(refused);
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler(RefusedRequests refused) {
		return (request, response, ex) -> {
			RefusedRequests.Body body = refused.body(request.getRequestURI(), 400);
			response.setStatus(400);
			refused.writeHeaders(response, request.isSecure());
			response.setContentType(body.contentType());
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(body.text());
		};
	}

	/**
	 * Runs after Spring Boot's own customizer (which adds a plain error report valve to the host): that valve is
	 * replaced, and the host is told ours is its error report valve, so it adds no other when it starts.
	 */
	private record HeaderedErrorReports(RefusedRequests refused)
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				StandardHost host = (StandardHost) context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new HeaderedErrorReportValve(this.refused));
				host.setErrorReportValveClass(HeaderedErrorReportValve.class.getName());
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
