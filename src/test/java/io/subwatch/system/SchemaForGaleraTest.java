package io.subwatch.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Galera replicates rows by primary key: a table without one replicates slowly and can diverge on deletes. Every table
 * the migrations create (and Flyway's history) must have one (docs/operations.md, "What subwatch needs from Galera").
 */
@IntegrationTest
class SchemaForGaleraTest {

	@Autowired
	DataSource dataSource;

	@Test
	void everyTableHasAPrimaryKey() throws Exception {
		List<String> tables = new ArrayList<>();
		List<String> withoutKey = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
					new String[] { "TABLE" })) {
				while (rs.next()) {
					tables.add(rs.getString("TABLE_NAME"));
				}
			}
			for (String table : tables) {
				try (ResultSet keys = meta.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), table)) {
					if (!keys.next()) {
						withoutKey.add(table);
					}
				}
			}
		}
		assertThat(tables).hasSizeGreaterThanOrEqualTo(26);
		assertThat(withoutKey).isEmpty();
	}

}
