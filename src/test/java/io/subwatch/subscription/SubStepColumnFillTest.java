package io.subwatch.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V80 to V83 on a database that already has sub-step rows: every record's rows end up in its {@code sub_steps}
 * column, with the start of its running sub-steps and its last write time, and the old table is gone.
 */
class SubStepColumnFillTest {

	private static final Instant T0 = Instant.parse("2026-11-28T02:00:00.250Z");

	@Test
	void copiesEveryRecordsSubStepRowsIntoItsColumn() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:v82-" + System.nanoTime()
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
		flyway(dataSource).target("80").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		// 1: finished; 2: running in its second sub-step and its other step; 3: nothing ran; 1,500 records make two chunks
		for (long id = 1; id <= 1500; id++) {
			jdbc.sql("""
					INSERT INTO instance_record (id, subscription_id, task_id, instance_id, plan_id, status, is_latest,
					  create_time, update_time, simple_info)
					VALUES (:id, 1, 1, :instance, 1, 'RUNNING', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '{}')
					""").param("id", id).param("instance", "host|instance|host|" + id).update();
		}
		subStep(jdbc, 1, 0, 0, "SUCCESS", T0, T0.plusSeconds(2), T0.plusSeconds(2));
		subStep(jdbc, 1, 0, 1, "FAILED", T0.plusSeconds(2), T0.plusSeconds(9), T0.plusSeconds(9));
		subStep(jdbc, 2, 0, 1, "RUNNING", T0.plusSeconds(5), null, T0.plusSeconds(5));
		subStep(jdbc, 2, 0, 0, "SUCCESS", T0, T0.plusSeconds(5), T0.plusSeconds(6));
		subStep(jdbc, 2, 1, 0, "RUNNING", T0.plusSeconds(3), null, T0.plusSeconds(3));
		subStep(jdbc, 1400, 0, 0, "RUNNING", T0, null, T0);

		flyway(dataSource).javaMigrations(new SubStepColumnFill()).load().migrate();

		Map<Long, String> columns = jdbc.sql("SELECT id, sub_steps FROM instance_record WHERE sub_steps IS NOT NULL"
				+ " ORDER BY id").query((rs) -> {
					Map<Long, String> result = new java.util.LinkedHashMap<>();
					while (rs.next()) {
						result.put(rs.getLong(1), rs.getString(2));
					}
					return result;
				});
		long t0 = T0.toEpochMilli();
		assertThat(columns).containsExactly(
				Map.entry(1L, "0.0:SUCCESS:" + t0 + ":" + (t0 + 2000) + ";0.1:FAILED:" + (t0 + 2000) + ":" + (t0 + 9000)),
				Map.entry(2L, "0.0:SUCCESS:" + t0 + ":" + (t0 + 5000) + ";0.1:RUNNING:" + (t0 + 5000) + ":;1.0:RUNNING:"
						+ (t0 + 3000) + ":"),
				Map.entry(1400L, "0.0:RUNNING:" + t0 + ":"));
		assertThat(times(jdbc, "running_since")).containsExactly(Map.entry(2L, T0.plusSeconds(3)), Map.entry(1400L, T0));
		assertThat(times(jdbc, "sub_steps_at")).containsExactly(Map.entry(1L, T0.plusSeconds(9)),
				Map.entry(2L, T0.plusSeconds(6)), Map.entry(1400L, T0));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'record_sub_step'")
			.query(Long.class)
			.single()).isZero();
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DriverManagerDataSource dataSource) {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2");
	}

	private static void subStep(JdbcClient jdbc, long recordId, int step, int sub, String status, Instant start,
			Instant finish, Instant updated) {
		jdbc.sql("""
				INSERT INTO record_sub_step (record_id, step_index, sub_index, status, start_time, finish_time, updated_at)
				VALUES (:record, :step, :sub, :status, :start, :finish, :updated)
				""").param("record", recordId).param("step", step).param("sub", sub).param("status", status)
			.param("start", DbTime.toDb(start))
			.param("finish", DbTime.toDb(finish))
			.param("updated", DbTime.toDb(updated))
			.update();
	}

	private static Map<Long, Instant> times(JdbcClient jdbc, String column) {
		Map<Long, Instant> result = new java.util.LinkedHashMap<>();
		jdbc.sql("SELECT id, " + column + " FROM instance_record WHERE " + column + " IS NOT NULL ORDER BY id")
			.query((rs) -> {
				result.put(rs.getLong(1), DbTime.read(rs, 2));
			});
		return result;
	}

	@Test
	void theColumnRoundTripsEveryStateToTheMillisecond() {
		List<SubStepState> states = List.of(new SubStepState(0, 0, Status.SUCCESS, T0, T0.plusMillis(1500)),
				new SubStepState(0, 1, Status.TERMINATED, null, T0.plusSeconds(4)),
				new SubStepState(12, 300, Status.RUNNING, T0.plusSeconds(5), null));
		Map<Integer, SubStepState> decoded = SubStepColumn.decode(SubStepColumn.encode(states));
		assertThat(decoded.values()).containsExactlyInAnyOrderElementsOf(states);
		assertThat(decoded).containsKey(RecordProgress.key(12, 300));
		assertThat(SubStepColumn.encode(List.of())).isNull();
		assertThat(SubStepColumn.decode(null)).isEmpty();
		assertThat(SubStepColumn.runningSince(states)).isEqualTo(T0.plusSeconds(5));
	}

}
