package io.subwatch.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The database holds times as UTC {@code DATETIME(3)}; these convert at the JDBC boundary, nowhere else. */
public final class DbTime {

	private DbTime() {
	}

	public static LocalDateTime toDb(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	public static Instant read(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	public static Instant read(ResultSet rs, int column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	/**
	 * Binds an instant as the UTC {@code LocalDateTime} it is stored as. Never through {@code java.sql.Timestamp}: that
	 * reads the wall time in the JVM's zone and moves it an hour inside that zone's daylight-saving gap.
	 */
	static void bind(PreparedStatement ps, int index, Instant instant) throws SQLException {
		ps.setObject(index, toDb(instant), Types.TIMESTAMP);
	}

}
