package io.subwatch.storage;

import java.util.List;

import io.subwatch.subscription.DatabaseKind;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * On MySQL/MariaDB the app's connections use the schema's collation, so a window of one status is read off its index
 * in order, not sorted (the MariaDB run of this suite starts from a server whose default is utf8mb4_general_ci).
 */
@IntegrationTest
class ConnectionCollationTest {

	@Autowired
	JdbcClient jdbc;

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
	void onlyMySqlUrlsAreGivenTheCollation() {
		assertThat(MySqlConnectionCollation.mysql("jdbc:mysql://127.0.0.1:3306/subwatch")).isTrue();
		assertThat(MySqlConnectionCollation.mysql("jdbc:mariadb://127.0.0.1:3306/subwatch")).isTrue();
		assertThat(MySqlConnectionCollation.mysql("jdbc:h2:mem:subwatch-test")).isFalse();
		assertThat(MySqlConnectionCollation.mysql(null)).isFalse();
	}

}
