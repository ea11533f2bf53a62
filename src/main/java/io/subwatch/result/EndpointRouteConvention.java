package io.subwatch.result;

import java.util.Map;

import io.micrometer.common.KeyValue;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Request timings per endpoint: every NodeMan subscription endpoint (task_result, retry, info …) is one handler
 * mapped on {@code …/subscription/{name}/}, so the default {@code uri} tag would time them all as one route. Here a
 * known name replaces {@code {name}} in the tag (a fixed set of values: unknown names keep the pattern, so a client
 * cannot grow the number of time series).
 */
@Component
class EndpointRouteConvention extends DefaultServerRequestObservationConvention {

	@Override
	protected KeyValue uri(ServerRequestObservationContext context) {
		KeyValue uri = super.uri(context);
		String pattern = context.getPathPattern();
		if (pattern == null || !pattern.contains("{name}")) {
			return uri;
		}
		Object variables = context.getCarrier().getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables instanceof Map<?, ?> map && map.get("name") instanceof String name) {
			return SubscriptionEndpoint.byPath(name)
				.map((endpoint) -> KeyValue.of(uri.getKey(), pattern.replace("{name}", endpoint.path())))
				.orElse(uri);
		}
		return uri;
	}

}
