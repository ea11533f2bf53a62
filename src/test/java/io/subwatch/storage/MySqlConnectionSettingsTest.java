package io.subwatch.storage;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import com.mysql.cj.jdbc.JdbcConnection;
import io.subwatch.subscription.DatabaseKind;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * On MySQL/MariaDB the app's connections use the schema's collation, so a window of one status is read off its index
 * in order, not sorted (the MariaDB run of this suite starts from a server whose default is utf8mb4_general_ci), and
 * the driver's caches are on although the suite's URL names none of them.
 */
@IntegrationTest
class MySqlConnectionSettingsTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	DatabaseKind database;

	@Test
	void aStatusWindowReadsItsIndexInOrder() {
		assumeThat(this.database.mysql()).isTrue();
		assertThat(this.jdbc.sql("SELECT @@collation_connection").query(String.class).single()).isEqualTo("utf8mb4_bin");
		List<String> extra = this.jdbc.sql("""
				EXPLAIN SELECT r.id FROM instance_record r WHERE r.task_id = 1 AND r.status = 'FAILED'
				ORDER BY r.task_id, r.status, r.id LIMIT 50
				""").query((rs, n) -> String.valueOf(rs.getString("Extra"))).list();
		assertThat(extra).noneMatch((e) -> e.contains("filesort"));
	}

	@Test
	void theDriverRunsWithTheSettingsTheAppIsMeasuredWith() throws Exception {
		assumeThat(this.database.mysql()).isTrue();
		try (Connection connection = this.dataSource.getConnection()) {
			JdbcConnection driver = connection.unwrap(JdbcConnection.class);
			for (String name : List.of("cachePrepStmts", "cacheResultSetMetadata", "useLocalSessionState",
					"rewriteBatchedStatements")) {
				assertThat(driver.getPropertySet().getBooleanProperty(name).getValue()).as(name).isTrue();
			}
			assertThat(driver.getPropertySet().getBooleanProperty("useServerPrepStmts").getValue()).isFalse();
		}
	}

	@Test
	void onlyMySqlUrlsAreGivenTheSettings() {
		assertThat(MySqlConnectionSettings.mysql("jdbc:mysql://127.0.0.1:3306/subwatch")).isTrue();
		assertThat(MySqlConnectionSettings.mysql("jdbc:mariadb://127.0.0.1:3306/subwatch")).isTrue();
		assertThat(MySqlConnectionSettings.mysql("jdbc:h2:mem:subwatch-test")).isFalse();
		assertThat(MySqlConnectionSettings.mysql(null)).isFalse();
	}

	@Test
	void aSettingTheOperatorNamesInTheUrlIsLeftAsGiven() {
		String url = "jdbc:mysql://db:3306/subwatch?characterEncoding=utf8&cachePrepStmts=false";
		assertThat(MySqlConnectionSettings.inUrl(url, "cachePrepStmts")).isTrue();
		assertThat(MySqlConnectionSettings.inUrl(url, "prepStmtCacheSize")).isFalse();
		assertThat(MySqlConnectionSettings.inUrl("jdbc:mysql://db:3306/subwatch", "cachePrepStmts")).isFalse();
		assertThat(MySqlConnectionSettings.inUrl("jdbc:mysql://db/x?xcachePrepStmts=true", "cachePrepStmts")).isFalse();
	}

}
