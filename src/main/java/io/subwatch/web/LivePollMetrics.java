package io.subwatch.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts the polls of the live regions (subscription list, a subscription's counters and table, a host's timeline) and
 * how many of them found nothing new and got 204: {@code subwatch_live_polls_total{outcome="changed"|"unchanged"}}
 * (refused and failed polls are not counted here).
 * Their timings per route are in {@code http_server_requests_seconds}.
 */
@Configuration(proxyBeanMethods = false)
class LivePollMetrics implements WebMvcConfigurer {

	/** The URLs the live regions poll (see the controllers' 204 answers). */
	static final String[] LIVE_PATHS = { "/subscriptions/live", "/subscriptions/*/counters",
			"/subscriptions/*/instances/*/timeline" };

	private final Counter changed;

	private final Counter unchanged;

	LivePollMetrics(MeterRegistry meters) {
		this.changed = counter(meters, "changed");
		this.unchanged = counter(meters, "unchanged");
	}

	private static Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder("subwatch.live.polls")
			.description("Polls of live page regions; unchanged ones got 204 No Content")
			.tag("outcome", outcome)
			.register(meters);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					Exception ex) {
				if (ex != null) {
					return;
				}
				if (response.getStatus() == HttpServletResponse.SC_NO_CONTENT) {
					LivePollMetrics.this.unchanged.increment();
				}
				else if (response.getStatus() == HttpServletResponse.SC_OK) {
					LivePollMetrics.this.changed.increment();
				}
			}
		}).addPathPatterns(LIVE_PATHS);
	}

}
