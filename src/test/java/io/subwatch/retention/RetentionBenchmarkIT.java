package io.subwatch.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.subwatch.SubwatchApplication;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.CounterDeltas;
import io.subwatch.subscription.DbTime;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.StepPlanDao;
import io.subwatch.subscription.SubStepColumn;
import io.subwatch.subscription.SubStepState;
import io.subwatch.subscription.Subscription.SubscriptionStep;
import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.subscription.TaskDao;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark lines R1 and R2 of docs/benchmarks.md: retention on 1,000,000 records. One subscription of 100,000 hosts
 * ran 10 full tasks, each host finishing every time with a sub-step row, a log line and its instance_info; 60 days later, with
 * {@code subwatch.retention.logs=30d} and {@code tasks=30d}: R1 removes the logs of all 1,000,000 finished records, R2
 * removes the 9 superseded tasks (900,000 records with their sub-steps and instance_info). Meanwhile a reader asks for
 * the newest task's counters and its first page every 20 ms; its slowest answer shows how long the clean-up's
 * transactions hold anything up. Not part of the default build: after {@code ./mvnw package -DskipTests},
 * {@code ./mvnw -Pbench failsafe:integration-test -Dit.test=RetentionBenchmarkIT} (H2 file under target/, and MySQL
 * when {@code SUBWATCH_BENCH_MYSQL_URL}/{@code _USER}/{@code _PASSWORD} name a database it may drop and recreate);
 * {@code -Dbench.retention.hosts=10000} for a quick try. Writes target/retention-benchmark.md.
 */
@Tag("bench")
class RetentionBenchmarkIT {

	static final Instant T0 = Instant.parse("2026-09-01T00:00:00Z");

	static final int TASKS = 10;

	static final int CHUNK = 5_000;

	@Test
	void run() throws Exception {
		int hosts = Integer.getInteger("bench.retention.hosts", 100_000);
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT, "Retention on %,d records (%d tasks × %,d hosts), batch-size 1,000:%n",
				(long) hosts * TASKS, TASKS, hosts));
		Path dir = Path.of("target/bench-retention").toAbsolutePath();
		deleteTree(dir);
		List<String[]> databases = new ArrayList<>();
		databases.add(new String[] { "H2", "jdbc:h2:file:" + dir.resolve("subwatch")
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;WRITE_DELAY=0", "sa",
				"" });
		String mysql = System.getenv("SUBWATCH_BENCH_MYSQL_URL");
		if (mysql != null) {
			recreate(mysql, System.getenv("SUBWATCH_BENCH_MYSQL_USER"), System.getenv("SUBWATCH_BENCH_MYSQL_PASSWORD"));
			databases.add(new String[] { "MySQL", mysql, System.getenv("SUBWATCH_BENCH_MYSQL_USER"),
					System.getenv("SUBWATCH_BENCH_MYSQL_PASSWORD") });
		}
		for (String[] db : databases) {
			report.append(measure(db[0], db[1], db[2], db[3], hosts));
		}
		Files.writeString(Path.of("target/retention-benchmark.md"), report);
		System.out.print(report);
	}

	private String measure(String name, String url, String user, String password, int hosts) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SubwatchApplication.class).run(
				"--server.port=0", "--management.server.port=0", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--subwatch.jobs.enabled=false", "--subwatch.demo.enabled=false", "--subwatch.simulator.enabled=false",
				"--subwatch.security.admin-password=bench-" + System.nanoTime(),
				"--subwatch.security.initial-admin-password-file=target/bench-retention-admin-password",
				"--subwatch.retention.logs=30d", "--subwatch.retention.tasks=30d", "--subwatch.retention.batch-size=1000",
				"--logging.level.root=WARN")) {
			long started = System.nanoTime();
			long[] ids = generate(context, hosts);
			double generated = (System.nanoTime() - started) / 1e9;
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			long logRows = count(jdbc, "SELECT COUNT(*) FROM sub_step_log");
			Instant now = T0.plus(Duration.ofDays(60));

			Reader reader = new Reader(context.getBean(CounterDao.class), jdbc, ids[1]);
			Thread readerThread = new Thread(reader, "retention-bench-reader");
			readerThread.start();
			long t1 = System.nanoTime();
			LogRetention.Removed logs = context.getBean(LogRetention.class).run(now);
			double r1 = (System.nanoTime() - t1) / 1e9;
			String r1Reader = reader.takeReport();
			long t2 = System.nanoTime();
			TaskRetention.Removed tasks = context.getBean(TaskRetention.class).run(now);
			double r2 = (System.nanoTime() - t2) / 1e9;
			String r2Reader = reader.takeReport();
			reader.stop.set(true);
			readerThread.join();

			long left = count(jdbc, "SELECT COUNT(*) FROM instance_record");
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "%n%s (%s), dataset generated in %.1f s, %,d log rows:%n", name,
					version(context.getBean(javax.sql.DataSource.class)), generated, logRows));
			out.append(String.format(Locale.ROOT,
					"- R1 logs: %,d lines of %,d hosts removed in %.1f s (%,.0f records/s); reader %s%n", logs.lines(),
					logs.hosts(), r1, logs.hosts() / r1, r1Reader));
			out.append(String.format(Locale.ROOT,
					"- R2 tasks: %d tasks, %,d records removed in %.1f s (%,.0f records/s); reader %s; %,d records left%n",
					tasks.tasks(), tasks.records(), r2, tasks.records() / r2, r2Reader, left));
			return out.toString();
		}
	}

	/**
	 * The dataset, written set-based (one INSERT … SELECT per table and task over a table of host numbers) so that a
	 * million records take minutes, not an hour; the counters go through the app's CounterDao. Returns the
	 * subscription and its newest task.
	 */
	private long[] generate(ConfigurableApplicationContext context, int hosts) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		TaskDao tasks = context.getBean(TaskDao.class);
		CounterDao counters = context.getBean(CounterDao.class);
		TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
		long subscriptionId = context.getBean(SubscriptionDao.class).insert("Retention benchmark", 2, "HOST",
				"INSTANCE", "once", null, "bench", "bench", T0, List.of(new SubscriptionStep("agent", "AGENT")));
		long planId = context.getBean(StepPlanDao.class).findOrCreate(List.of(new StepPlan.Step("agent", "AGENT",
				"INSTALL_AGENT", "[agent] 安装", "{}", List.of(new StepPlan.SubStep("安装", null)))));
		jdbc.sql("CREATE TABLE bench_host (n INT NOT NULL, PRIMARY KEY (n))").update();
		for (int from = 1; from <= hosts; from += CHUNK) {
			StringBuilder values = new StringBuilder("INSERT INTO bench_host (n) VALUES ");
			for (int n = from; n < Math.min(hosts + 1, from + CHUNK); n++) {
				values.append((n == from) ? "" : ",").append('(').append(n).append(')');
			}
			jdbc.sql(values.toString()).update();
		}
		long taskId = 0;
		for (int t = 0; t < TASKS; t++) {
			Instant created = T0.plus(Duration.ofHours(t));
			Instant finished = created.plusSeconds(30);
			long task = tasks.insert(subscriptionId, false, false, "bench", created, created);
			taskId = task;
			transaction.executeWithoutResult((tx) -> {
				jdbc.sql("""
						INSERT INTO instance_record (subscription_id, task_id, instance_id, plan_id, status, is_latest,
						  create_time, start_time, finish_time, update_time, bk_host_id, bk_host_innerip, bk_cloud_id,
						  bk_host_name, bk_biz_id, simple_info)
						SELECT :subscriptionId, :taskId, CONCAT('host|instance|host|', n), :planId, 'SUCCESS', FALSE,
						  :created, :created, :finished, :finished, n, CONCAT('ip-', n), 0, CONCAT('bench-', n), 2,
						  CONCAT('{"host":{"bk_host_id":', n, ',"bk_cloud_id":0,"bk_biz_id":2},"service":{}}')
						FROM bench_host ORDER BY n
						""")
					.param("subscriptionId", subscriptionId)
					.param("taskId", task)
					.param("planId", planId)
					.param("created", DbTime.toDb(created))
					.param("finished", DbTime.toDb(finished))
					.update();
				jdbc.sql("INSERT INTO instance_info (record_id, info) SELECT id, simple_info FROM instance_record"
						+ " WHERE task_id = :taskId ORDER BY id").param("taskId", task).update();
				jdbc.sql("UPDATE instance_record SET sub_steps = :subSteps, sub_steps_at = :finished WHERE task_id = :taskId")
					.param("subSteps", SubStepColumn.encode(List.of(new SubStepState(0, 0, Status.SUCCESS, created,
							finished))))
					.param("finished", DbTime.toDb(finished))
					.param("taskId", task)
					.update();
				jdbc.sql("""
						INSERT INTO sub_step_log (record_id, step_index, sub_index, continued, text, event_time, status)
						SELECT id, 0, 0, FALSE, '[2026-09-01 08:00:30 INFO] 安装 完成', finish_time, 'SUCCESS'
						FROM instance_record WHERE task_id = :taskId ORDER BY id
						""").param("taskId", task).update();
				// every record stands at the plan's one sub-step (the step matrix counts it there)
				jdbc.sql("""
						INSERT INTO step_status_count (by_task, scope_id, plan_id, step_index, sub_index, status, cnt)
						VALUES (TRUE, :taskId, :planId, 0, 0, 'SUCCESS', :hosts)
						""").param("taskId", task).param("planId", planId).param("hosts", hosts).update();
				CounterDeltas deltas = new CounterDeltas();
				for (long recordId : recordIds(jdbc, task)) {
					deltas.move(recordId, task, subscriptionId, false, null, Status.SUCCESS);
				}
				counters.apply(deltas);
				tasks.addInstanceCount(task, hosts);
				tasks.markReady(task, null, finished);
			});
		}
		long newest = taskId;
		transaction.executeWithoutResult((tx) -> {
			jdbc.sql("UPDATE instance_record SET is_latest = TRUE WHERE task_id = :taskId")
				.param("taskId", newest)
				.update();
			jdbc.sql("""
					INSERT INTO step_status_count (by_task, scope_id, plan_id, step_index, sub_index, status, cnt)
					VALUES (FALSE, :subscriptionId, :planId, 0, 0, 'SUCCESS', :hosts)
					""").param("subscriptionId", subscriptionId).param("planId", planId).param("hosts", hosts).update();
			CounterDeltas deltas = new CounterDeltas();
			for (long recordId : recordIds(jdbc, newest)) {
				deltas.joinLatest(recordId, subscriptionId, Status.SUCCESS);
			}
			counters.apply(deltas);
		});
		jdbc.sql("DROP TABLE bench_host").update();
		return new long[] { subscriptionId, newest };
	}

	/** Asks what a page asks, every 20 ms, and keeps the slowest answer since the last report. */
	private static final class Reader implements Runnable {

		final AtomicBoolean stop = new AtomicBoolean();

		final AtomicLong maxNanos = new AtomicLong();

		final AtomicLong calls = new AtomicLong();

		private final CounterDao counters;

		private final JdbcClient jdbc;

		private final long taskId;

		Reader(CounterDao counters, JdbcClient jdbc, long taskId) {
			this.counters = counters;
			this.jdbc = jdbc;
			this.taskId = taskId;
		}

		@Override
		public void run() {
			while (!this.stop.get()) {
				long start = System.nanoTime();
				this.counters.findByTask(this.taskId);
				this.jdbc.sql("SELECT id, status FROM instance_record WHERE task_id = :taskId ORDER BY task_id, id LIMIT 50")
					.param("taskId", this.taskId)
					.query((rs, n) -> rs.getLong(1))
					.list();
				this.maxNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
				this.calls.incrementAndGet();
				java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
			}
		}

		String takeReport() {
			return String.format(Locale.ROOT, "%,d reads, slowest %.1f ms", this.calls.getAndSet(0),
					this.maxNanos.getAndSet(0) / 1e6);
		}

	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static String version(javax.sql.DataSource dataSource) throws java.sql.SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
	}

	private static void recreate(String url, String user, String password) throws Exception {
		String schema = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		try (Connection connection = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1), user,
				password); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + schema);
			statement.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		}
	}

	/** A task's record ids, ascending: the counter deltas name each record. */
	private static List<Long> recordIds(JdbcClient jdbc, long taskId) {
		return jdbc.sql("SELECT id FROM instance_record WHERE task_id = :taskId ORDER BY task_id, id")
			.param("taskId", taskId)
			.query(Long.class)
			.list();
	}

	private static void deleteTree(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

}
