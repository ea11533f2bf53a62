package io.subwatch.simulate;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** {@code subwatch.simulator.enabled} when set; otherwise on for the embedded H2 file database only. */
class SimulatorEnabled implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String enabled = context.getEnvironment().getProperty("subwatch.simulator.enabled");
		if (enabled != null) {
			return Boolean.parseBoolean(enabled);
		}
		return context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:");
	}

}
