package io.subwatch.storage;

import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Connections to H2 get the engine settings the app is measured with, whatever URL the operator gives; a setting the
 * operator names (in the URL or as a pool data source property) is left as given (as {@link MySqlConnectionSettings}
 * does for MySQL).
 * <ul>
 * <li>{@code QUERY_CACHE_SIZE=128}: H2 keeps the parsed and planned statements of each connection in a cache of 8 by
 * default. A request runs more distinct statements than that (the session, the caller's checks, the page's reads), so
 * every statement was parsed and planned again: 15 % of task_result's samples (M1) and 6 % of the result page's
 * (M7) were H2 preparing statements.</li>
 * </ul>
 */
@Component
class H2ConnectionSettings implements BeanPostProcessor {

	static final Map<String, String> DEFAULTS = Map.of("QUERY_CACHE_SIZE", "128");

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		// before initialization: after the pool's settings are bound, before anything can wrap or open it
		if (bean instanceof HikariDataSource hikari && h2(hikari.getJdbcUrl())) {
			MySqlConnectionSettings.addUnnamed(hikari, DEFAULTS, H2ConnectionSettings::inUrl);
		}
		return bean;
	}

	static boolean h2(String url) {
		return url != null && url.startsWith("jdbc:h2:");
	}

	/** Whether the URL's settings ({@code ;NAME=value}, names in any case) name this one. */
	static boolean inUrl(String url, String name) {
		return url.toUpperCase(Locale.ROOT).contains(";" + name.toUpperCase(Locale.ROOT) + "=");
	}

}
