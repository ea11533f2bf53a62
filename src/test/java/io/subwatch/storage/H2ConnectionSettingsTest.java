package io.subwatch.storage;

import io.subwatch.subscription.DatabaseKind;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** On H2 the app's connections keep more than H2's default 8 prepared statements, although the suite's URL names none. */
@IntegrationTest
class H2ConnectionSettingsTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseKind database;

	@Test
	void statementsStayPreparedAcrossARequest() {
		assumeThat(this.database.mysql()).isFalse();
		assertThat(this.jdbc.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")
			.query(String.class)
			.single()).isEqualTo(H2ConnectionSettings.DEFAULTS.get("QUERY_CACHE_SIZE"));
	}

	@Test
	void onlyH2UrlsAndSettingsTheUrlDoesNotName() {
		assertThat(H2ConnectionSettings.h2("jdbc:h2:file:./data/subwatch;MODE=MySQL")).isTrue();
		assertThat(H2ConnectionSettings.h2("jdbc:mysql://127.0.0.1:3306/subwatch")).isFalse();
		assertThat(H2ConnectionSettings.h2(null)).isFalse();
		assertThat(H2ConnectionSettings.inUrl("jdbc:h2:mem:x;query_cache_size=16", "QUERY_CACHE_SIZE")).isTrue();
		assertThat(H2ConnectionSettings.inUrl("jdbc:h2:mem:x;MODE=MySQL", "QUERY_CACHE_SIZE")).isFalse();
	}

}
