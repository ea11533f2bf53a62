package io.subwatch.subscription;

import java.util.List;
import java.util.Map;

import io.subwatch.support.RankRecount;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** V76 on a database that already has records: the rank counters it fills equal a recount. */
class StatusBucketMigrationTest {

	@Test
	void fillsTheRankCountersOfExistingRecords() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:v76-" + System.nanoTime()
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).target("75").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		// two tasks of one subscription over several blocks of 1,024 ids; the second replaced some of the first
		List<Object[]> rows = List.of(new Object[] { 1, 10, 1, "SUCCESS", false }, new Object[] { 1023, 10, 2, "FAILED",
				true }, new Object[] { 1024, 10, 3, "FAILED", true }, new Object[] { 1025, 10, 4, "RUNNING", true },
				new Object[] { 3000, 10, 5, "FAILED", true }, new Object[] { 3001, 11, 1, "RUNNING", true },
				new Object[] { 3002, 11, 6, "PENDING", true }, new Object[] { 9000, 12, 7, "SUCCESS", true });
		for (Object[] row : rows) {
			jdbc.sql("""
					INSERT INTO instance_record (id, subscription_id, task_id, instance_id, plan_id, status, is_latest,
					  create_time, update_time, simple_info)
					VALUES (:id, :subscriptionId, :taskId, :instanceId, 1, :status, :latest, CURRENT_TIMESTAMP,
					  CURRENT_TIMESTAMP, '{}')
					""").params(Map.of("id", row[0], "subscriptionId", ((int) row[1] == 12) ? 2 : 1, "taskId", row[1],
					"instanceId", "host|instance|host|" + row[2], "status", row[3], "latest", row[4])).update();
		}
		Flyway.configure().dataSource(dataSource).load().migrate();
		for (long taskId : List.of(10L, 11L, 12L)) {
			assertThat(RankRecount.stored(jdbc, true, taskId)).isEqualTo(RankRecount.recounted(jdbc, true, taskId));
		}
		for (long subscriptionId : List.of(1L, 2L)) {
			assertThat(RankRecount.stored(jdbc, false, subscriptionId))
				.isEqualTo(RankRecount.recounted(jdbc, false, subscriptionId));
		}
		assertThat(RankRecount.stored(jdbc, true, 10L)).containsEntry("FAILED/0", 1L)
			.containsEntry("FAILED/1", 1L)
			.containsEntry("FAILED/2", 1L)
			.hasSize(5);
	}

}
