package io.subwatch.subscription;

import java.util.Locale;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the database is MySQL/MariaDB or H2, for the few batch writes whose fastest form differs: MySQL's driver
 * sends a batch of UPDATEs as one statement per row but a batched INSERT (upserts too) as one multi-row statement; H2
 * runs every row on its own and answers an upsert's duplicate key with an exception per row. Also for the few reads
 * whose best size differs (long IN lists: {@code RecordQueryDao#instanceLookup}).
 */
@Component
public class DatabaseKind {

	private final JdbcTemplate jdbcTemplate;

	private volatile Boolean mysql;

	DatabaseKind(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	public boolean mysql() {
		Boolean known = this.mysql;
		if (known == null) {
			known = this.jdbcTemplate.execute((ConnectionCallback<Boolean>) (connection) -> !connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(Locale.ROOT)
				.contains("h2"));
			this.mysql = known;
		}
		return known;
	}

}
