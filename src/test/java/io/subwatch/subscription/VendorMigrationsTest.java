package io.subwatch.subscription;

import java.util.List;

import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations of one database's own folder ({@code db/vendor/{vendor}}) run on that database only: on H2 the
 * identity columns written most take their values a thousand at a time (V77), which MySQL/MariaDB do not run, and each
 * database gives a record's sub-step column its own type (V80).
 */
@IntegrationTest
class VendorMigrationsTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseKind database;

	@Test
	void eachDatabaseRunsOnlyItsOwnVendorMigrations() {
		boolean h2 = !this.database.mysql();
		List<String> applied = this.jdbc.sql("""
				SELECT script FROM flyway_schema_history WHERE script LIKE '%cache_identity_values%' AND success = TRUE
				ORDER BY installed_rank
				""").query(String.class).list();
		if (!h2) {
			assertThat(applied).isEmpty();
			return;
		}
		assertThat(applied).containsExactly("V77__cache_identity_values.sql");
		List<String> caches = this.jdbc.sql("""
				SELECT table_name, identity_cache FROM information_schema.columns
				WHERE table_name IN ('sub_step_log', 'instance_record') AND column_name = 'id'
				ORDER BY table_name
				""").query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list();
		assertThat(caches).containsExactly("instance_record=1000", "sub_step_log=1000");
	}

	@Test
	void theSubStepColumnIsKeptInTheRowOnH2AndIsTextOnMySql() {
		String type = this.jdbc.sql("""
				SELECT data_type FROM information_schema.columns
				WHERE table_name = 'instance_record' AND column_name = 'sub_steps' ORDER BY data_type
				""").query(String.class).list().get(0);
		assertThat(type.toLowerCase(java.util.Locale.ROOT))
			.isEqualTo(this.database.mysql() ? "text" : "character varying");
	}

}
