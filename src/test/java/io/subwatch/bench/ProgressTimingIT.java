package io.subwatch.bench;

import java.nio.file.Path;
import java.util.Map;

import io.subwatch.SubwatchApplication;
import io.subwatch.progress.ProgressPanels;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.TaskDao;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A quick look at the progress panels alone on the large dataset (H2), without the whole benchmark:
 * {@code ./mvnw -Pbench test-compile failsafe:integration-test -Dit.test=ProgressTimingIT} ({@code -Dbench.tiny=true}
 * for the small dataset). Prints P, P3, P4 and the plans. To time a change against the dataset a {@code bench/run.sh}
 * left behind, without generating it again: {@code -Dbench.task=<the large task's id>}, with
 * {@code -Dbench.database=mysql} and the {@code SUBWATCH_BENCH_MYSQL_*} variables for MariaDB (no plans then).
 */
@Tag("bench")
class ProgressTimingIT {

	@Test
	void panelsOnTheLargeTask() throws Exception {
		Long reusedTask = Long.getLong("bench.task");
		BenchDatabase db = "mysql".equals(System.getProperty("bench.database")) ? BenchDatabase.mysql()
				: BenchDatabase.h2(Path.of((reusedTask != null) ? "target/bench/h2" : "target/bench-progress/h2"));
		if (reusedTask == null) {
			db.reset();
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SubwatchApplication.class).run(
				"--server.port=0", "--management.server.port=" + Integer.getInteger("bench.management-port", 0),
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
				"--spring.datasource.password=" + db.password(), "--subwatch.jobs.enabled=false", "--subwatch.demo.enabled=false",
				"--subwatch.simulator.enabled=false", "--subwatch.security.admin-password=" + AppProcess.ADMIN_PASSWORD,
				"--subwatch.security.initial-admin-password-file=target/bench-progress/initial-admin-password",
				"--logging.level.root=WARN")) {
			LargeDataset.Generated data = (reusedTask != null) ? null : new LargeDataset(context)
				.generate(Boolean.getBoolean("bench.tiny") ? LargeDataset.TINY : LargeDataset.LARGE);
			long taskId = (data != null) ? data.taskId() : reusedTask;
			ProgressFloor progress = new ProgressFloor(context.getBean(JdbcClient.class),
					context.getBean(ProgressPanels.class), context.getBean(TaskDao.class),
					context.getBean(CounterDao.class), context.getBean(SubStepDao.class), taskId);
			for (Map.Entry<String, Stats> entry : progress.measure(Integer.getInteger("bench.runs", 100)).entrySet()) {
				System.out.printf("%s: median %s ms, p95 %s ms, max %s ms%n", entry.getKey(),
						Stats.ms(entry.getValue().median()), Stats.ms(entry.getValue().p95()),
						Stats.ms(entry.getValue().max()));
			}
			if (data == null) {
				return;
			}
			System.out.println("generated in " + data.took());
			SqlFloor sql = new SqlFloor(context.getBean(JdbcClient.class), context.getBean(CounterDao.class), null, null,
					data, 0);
			progress.plans(sql).forEach((name, plan) -> System.out.println(name + ":\n" + plan));
		}
	}

}
