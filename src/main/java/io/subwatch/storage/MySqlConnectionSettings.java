package io.subwatch.storage;

import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Connections to MySQL/MariaDB get the driver settings the app is measured with, whatever URL the operator gives; a
 * setting the operator names (in the URL or as a pool data source property) is left as given.
 * <ul>
 * <li>{@code connectionCollation=utf8mb4_bin}, the schema's. In the server's default ({@code utf8mb4_general_ci} on
 * Debian's MariaDB, {@code utf8mb4_0900_ai_ci} on MySQL 8) a literal such as {@code status = 'FAILED'} has another
 * collation than its column, so the planner no longer counts the column as fixed, and every window ordered by
 * {@code (task_id, status, id)} sorted all the matching rows instead of reading the index in order: the breakdown's
 * sample hosts examined 10,000 rows for 12 and took 19 ms a page on the benchmark's task.</li>
 * <li>{@code rewriteBatchedStatements}: a batch of inserts goes as a few multi-row statements (ingest relies on it).</li>
 * <li>HikariCP's recommended Connector/J caches (parsed statements, result set metadata, server configuration,
 * session state kept locally instead of asked for). With them events ingest on MariaDB took a third less of the app's
 * CPU per event (in process, 10,869 → 13,835 events/s) and the result page 44 → 36 ms in alternating rounds
 * (bench/notes.md). Statements stay client-side prepared: server-side ones made the 1,000-id lookup slower (each IN
 * list length is a statement of its own).</li>
 * </ul>
 */
@Component
class MySqlConnectionSettings implements BeanPostProcessor {

	static final Map<String, String> DEFAULTS = Map.of("connectionCollation", "utf8mb4_bin",
			"rewriteBatchedStatements", "true", "cachePrepStmts", "true", "prepStmtCacheSize", "250",
			"prepStmtCacheSqlLimit", "2048", "cacheResultSetMetadata", "true", "cacheServerConfiguration", "true",
			"useLocalSessionState", "true", "elideSetAutoCommits", "true", "maintainTimeStats", "false");

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		// before initialization: after the pool's settings are bound, before anything can wrap or open it
		if (bean instanceof HikariDataSource hikari && mysql(hikari.getJdbcUrl())) {
			addUnnamed(hikari, DEFAULTS, MySqlConnectionSettings::inUrl);
		}
		return bean;
	}

	/** Adds each setting to the pool's data source properties unless the pool or its URL names it already. */
	static void addUnnamed(HikariDataSource hikari, Map<String, String> settings, BiPredicate<String, String> inUrl) {
		settings.forEach((name, value) -> {
			if (!hikari.getDataSourceProperties().containsKey(name) && !inUrl.test(hikari.getJdbcUrl(), name)) {
				hikari.addDataSourceProperty(name, value);
			}
		});
	}

	static boolean mysql(String url) {
		return url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"));
	}

	/** Whether the URL's query names this property (Connector/J's property names are case-sensitive). */
	static boolean inUrl(String url, String name) {
		int query = url.indexOf('?');
		return query >= 0 && Pattern.compile("[?&]" + Pattern.quote(name) + "=").matcher(url.substring(query)).find();
	}

}
