package io.subwatch.bench;

import java.nio.file.Path;
import java.util.Map;

import io.subwatch.SubwatchApplication;
import io.subwatch.progress.ProgressPanels;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.TaskDao;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A quick look at the progress panels alone on the large dataset (H2), without the whole benchmark:
 * {@code ./mvnw -Pbench failsafe:integration-test -Dit.test=ProgressTimingIT}. Prints P, P3, P4 and their plans.
 */
@Tag("bench")
class ProgressTimingIT {

	@Test
	void panelsOnTheLargeTask() throws Exception {
		BenchDatabase db = BenchDatabase.h2(Path.of("target/bench-progress/h2"));
		db.reset();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SubwatchApplication.class).run(
				"--server.port=0", "--management.server.port=" + Integer.getInteger("bench.management-port", 0),
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
				"--spring.datasource.password=", "--subwatch.jobs.enabled=false", "--subwatch.demo.enabled=false",
				"--subwatch.simulator.enabled=false", "--subwatch.security.admin-password=" + AppProcess.ADMIN_PASSWORD,
				"--subwatch.security.initial-admin-password-file=target/bench-progress/initial-admin-password",
				"--logging.level.root=WARN")) {
			LargeDataset.Generated data = new LargeDataset(context)
				.generate(Boolean.getBoolean("bench.tiny") ? LargeDataset.TINY : LargeDataset.LARGE);
			System.out.println("generated in " + data.took());
			ProgressFloor progress = new ProgressFloor(context.getBean(JdbcClient.class),
					context.getBean(ProgressPanels.class), context.getBean(TaskDao.class),
					context.getBean(CounterDao.class), context.getBean(io.subwatch.subscription.SubStepDao.class), data.taskId());
			for (Map.Entry<String, Stats> entry : progress.measure(Integer.getInteger("bench.runs", 100)).entrySet()) {
				System.out.printf("%s: median %s ms, p95 %s ms, max %s ms%n", entry.getKey(),
						Stats.ms(entry.getValue().median()), Stats.ms(entry.getValue().p95()),
						Stats.ms(entry.getValue().max()));
			}
			Thread main = Thread.currentThread();
			Map<String, Integer> hist = new java.util.concurrent.ConcurrentHashMap<>();
			Thread sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					StackTraceElement[] st = main.getStackTrace();
					StringBuilder key = new StringBuilder();
					int n = 0;
					for (StackTraceElement e : st) {
						if (e.getClassName().startsWith("io.subwatch") || n < 3) {
							key.append(e.getClassName().replaceAll(".*\\.", "")).append('.').append(e.getMethodName()).append(':').append(e.getLineNumber()).append(" < ");
							if (++n > 8) break;
						}
					}
					hist.merge(key.toString(), 1, Integer::sum);
					try { Thread.sleep(3); } catch (InterruptedException ex) { return; }
				}
			});
			sampler.start();
			for (int i = 0; i < 60; i++) {
				context.getBean(ProgressPanels.class).forTask(context.getBean(TaskDao.class).findById(data.taskId()).orElseThrow(), context.getBean(CounterDao.class).findByTask(data.taskId()));
			}
			sampler.interrupt();
			hist.entrySet().stream().sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder())).limit(8).forEach((e) -> System.out.println("PROFILE " + e.getValue() + " " + e.getKey()));
			SqlFloor sql = new SqlFloor(context.getBean(JdbcClient.class), context.getBean(CounterDao.class), null, data);
			progress.plans(sql).forEach((name, plan) -> System.out.println(name + ":\n" + plan));
		}
	}

}
