package io.subwatch.subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.stereotype.Component;

/**
 * Migration V82: copies every record's rows of {@code record_sub_step} into its {@code sub_steps} column with
 * {@code running_since} and {@code sub_steps_at} (all three added by V80), a thousand records at a time, before V83
 * drops the table. In Java because the column's text ({@link SubStepColumn}) has one encoder, and the two databases
 * share no function to build it. Spring Boot hands every {@link JavaMigration} bean to Flyway. Plain JDBC on Flyway's
 * connection: the application's JDBC beans wait for the migrations.
 */
@Component
class SubStepColumnFill implements JavaMigration {

	private static final int RECORDS = 1000;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("82");
	}

	@Override
	public String getDescription() {
		return "fill instance_record sub_steps";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		long after = 0;
		while (true) {
			long[] ids = nextIds(connection, after);
			if (ids.length == 0) {
				return;
			}
			write(connection, read(connection, ids[0], ids[ids.length - 1]));
			after = ids[ids.length - 1];
		}
	}

	private static long[] nextIds(Connection connection, long after) throws SQLException {
		try (PreparedStatement ps = connection
			.prepareStatement("SELECT id FROM instance_record WHERE id > ? ORDER BY id LIMIT " + RECORDS)) {
			ps.setLong(1, after);
			try (ResultSet rs = ps.executeQuery()) {
				List<Long> ids = new ArrayList<>(RECORDS);
				while (rs.next()) {
					ids.add(rs.getLong(1));
				}
				return ids.stream().mapToLong(Long::longValue).toArray();
			}
		}
	}

	/** One record's copied rows, and the latest time one of them was written. */
	private record Copied(List<SubStepState> states, Instant written) {
	}

	private static Map<Long, Copied> read(Connection connection, long first, long last) throws SQLException {
		Map<Long, Copied> copied = new HashMap<>();
		try (PreparedStatement ps = connection.prepareStatement("""
				SELECT record_id, step_index, sub_index, status, start_time, finish_time, updated_at
				FROM record_sub_step WHERE record_id BETWEEN ? AND ? ORDER BY record_id, step_index, sub_index""")) {
			ps.setLong(1, first);
			ps.setLong(2, last);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					Copied record = copied.get(rs.getLong(1));
					Instant updated = DbTime.read(rs, 7);
					if (record == null || updated.isAfter(record.written())) {
						record = new Copied((record != null) ? record.states() : new ArrayList<>(), updated);
						copied.put(rs.getLong(1), record);
					}
					record.states().add(new SubStepState(rs.getInt(2), rs.getInt(3), Status.valueOf(rs.getString(4)),
							DbTime.read(rs, 5), DbTime.read(rs, 6)));
				}
			}
		}
		return copied;
	}

	private static void write(Connection connection, Map<Long, Copied> copied) throws SQLException {
		if (copied.isEmpty()) {
			return;
		}
		try (PreparedStatement ps = connection.prepareStatement(
				"UPDATE instance_record SET sub_steps = ?, running_since = ?, sub_steps_at = ? WHERE id = ?")) {
			for (Map.Entry<Long, Copied> record : copied.entrySet()) {
				ps.setString(1, SubStepColumn.encode(record.getValue().states()));
				DbTime.bind(ps, 2, SubStepColumn.runningSince(record.getValue().states()));
				DbTime.bind(ps, 3, record.getValue().written());
				ps.setLong(4, record.getKey());
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

}
