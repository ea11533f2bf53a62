package io.subwatch.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.SubwatchApplication;
import io.subwatch.breakdown.BreakdownScope;
import io.subwatch.breakdown.Breakdowns;
import io.subwatch.result.RowAssembler;
import io.subwatch.simulate.SimulatorLauncher;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.Status;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One benchmark run on one database: generate the dataset in-process with the app's write SQL, time the raw SQL
 * behind each query (the floor), then start the packaged app in its own JVM and time it over HTTP.
 */
final class Benchmark {

	/** The measurements of one database. */
	record Result(BenchDatabase database, String version, String generation, Map<String, Stats> http,
			Map<String, Stats> floor, Map<String, String> values, Map<String, String> plans) {
	}

	private final Path jar;

	private final Path workDir;

	private final int runs;

	Benchmark(Path jar, Path workDir, int runs) {
		this.jar = jar;
		this.workDir = workDir;
		this.runs = runs;
	}

	Result run(BenchDatabase db, LargeDataset.Size size) throws Exception {
		db.reset();
		Map<String, Stats> http = new LinkedHashMap<>();
		Map<String, Stats> floor = new LinkedHashMap<>();
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> plans;
		LargeDataset.Generated data;
		long simulatorTask;
		long simulatorSubscription;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SubwatchApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
				"--spring.datasource.password=" + ((db.password() != null) ? db.password() : ""),
				"--subwatch.jobs.enabled=false", "--subwatch.demo.enabled=false", "--subwatch.simulator.enabled=false",
				"--subwatch.security.admin-password=" + AppProcess.ADMIN_PASSWORD,
				"--subwatch.security.initial-admin-password-file=" + this.workDir.resolve("initial-admin-password"),
				"--logging.level.root=WARN")) {
			data = new LargeDataset(context).generate(size);
			simulatorTask = context.getBean(SimulatorLauncher.class).launchAgentInstall(size.hosts());
			simulatorSubscription = context.getBean(io.subwatch.subscription.TaskDao.class).findById(simulatorTask)
				.orElseThrow()
				.subscriptionId();
			values.put("generation", String.format(java.util.Locale.ROOT, "%.1f s", data.took().toMillis() / 1000.0));
			SqlFloor sql = new SqlFloor(context.getBean(JdbcClient.class), context.getBean(CounterDao.class),
					context.getBean(RowAssembler.class), context.getBean(io.subwatch.subscription.StatusRanks.class), data,
					context.getBean(io.subwatch.records.RecordQueryDao.class).instanceLookup());
			floor.putAll(sql.measure(this.runs));
			http.putAll(panels(context, data, this.runs));
			plans = sql.plans(db.name());
			ProgressFloor progress = new ProgressFloor(context.getBean(JdbcClient.class),
					context.getBean(io.subwatch.progress.ProgressPanels.class),
					context.getBean(io.subwatch.subscription.TaskDao.class), context.getBean(CounterDao.class),
					context.getBean(io.subwatch.subscription.SubStepDao.class), data.taskId());
			Map<String, Stats> panels = progress.measure(this.runs);
			for (String id : List.of("P3", "P4")) {
				floor.put(id, panels.get(id));
				http.put(id, panels.get(id));
			}
			http.put("P", panels.get("P"));
			plans.putAll(progress.plans(sql));
			IngestFloor ingestFloor = new IngestFloor(context);
			ingestFloor.measure(ingestHosts(size) / 5, 80_000_000L);
			values.put("M9 floor", ingestFloor.measure(ingestHosts(size), 90_000_000L));
		}
		Duration plainStartup;
		try (AppProcess plain = AppProcess.start(Launch.plain(this.jar), db, "512m", this.workDir)) {
			plainStartup = plain.startup;
		}
		Launch launch = Launch.archived(this.jar, this.workDir.resolve("cds"));
		try (AppProcess app = AppProcess.start(launch, db, "512m", this.workDir)) {
			values.put("M10", String.format(java.util.Locale.ROOT,
					"%s: start-up %.1f s to healthy (Spring Boot: %s), -Xmx512m, with the class-data archive the"
							+ " Docker image makes; plain `java -jar`: %.1f s",
					(app.startup.toMillis() <= 10_000) ? "met" : "**gap**", app.startup.toMillis() / 1000.0,
					app.startedLine(), plainStartup.toMillis() / 1000.0));
			HttpMeasurements measurements = new HttpMeasurements(app, data);
			// first, while the app is fresh: nothing may have called task_result before
			Stats cold = measurements.firstCalls(FIRST_CALLS);
			http.putAll(measurements.queries(this.runs));
			http.put("M11", cold);
			values.put("M11", firstCallsVerdict(cold, http.get("M1")));
			PageMeasurements pages = new PageMeasurements(app, data);
			http.put("M7", app.profiles.record("M7", () -> pages.page(this.runs)));
			values.put("M8", pages.pollThroughput(Math.max(3, this.runs / 20)));
			values.put("M9", measurements.ingest(ingestHosts(size), db.name().equals("H2") ? 40_000 : 15_000) + "; SQL floor "
					+ values.remove("M9 floor"));
			values.putAll(app.profiles.summaries());
		}
		try (AppProcess small = AppProcess.start(launch, db, "256m", this.workDir)) {
			HttpMeasurements measurements = new HttpMeasurements(small, data);
			http.put("M6", measurements.returnAll(Math.max(3, this.runs / 10)));
			values.put("M6", measurements.lastReturnAllBytes() / 1_000_000 + " MB of JSON, -Xmx256m");
			values.putAll(small.profiles.summaries());
		}
		// Last, as it changes the data: the app's own simulator runs the hosts of its task (issue 4).
		try (AppProcess simulating = AppProcess.start(launch, db, "512m", this.workDir, "--subwatch.jobs.enabled=true",
				"--subwatch.simulator.enabled=true", "--subwatch.simulator.max-in-flight=5000",
				"--subwatch.simulator.max-running-tasks=1", "--subwatch.simulator.launch-interval=24h",
				"--subwatch.simulator.agent.min-duration=200ms", "--subwatch.simulator.agent.max-duration=1s",
				"--subwatch.zombie-check-interval=24h")) {
			values.put("S1", new SimulatorMeasurement(simulating, data).run(simulatorSubscription, size.hosts(),
					SIMULATOR_SECONDS, http.get("M1")));
		}
		return new Result(db, db.version(), values.get("generation"), http, floor, values, plans);
	}

	/** P1, P2: the breakdown panels as the page loads them, one task and all tasks aggregated. */
	static Map<String, Stats> panels(ConfigurableApplicationContext context, LargeDataset.Generated data, int runs)
			throws Exception {
		Breakdowns breakdowns = context.getBean(Breakdowns.class);
		CounterDao counters = context.getBean(CounterDao.class);
		Map<String, Stats> result = new LinkedHashMap<>();
		BreakdownScope task = new BreakdownScope(data.subscriptionId(), data.taskId());
		int taskFailed = counters.findByTask(data.taskId()).count(Status.FAILED);
		result.put("P1", Stats.steady(runs, () -> breakdowns.load(task, taskFailed)));
		BreakdownScope all = new BreakdownScope(data.subscriptionId(), null);
		int allFailed = counters.findBySubscription(data.subscriptionId()).count(Status.FAILED);
		result.put("P2", Stats.steady(runs, () -> breakdowns.load(all, allFailed)));
		return result;
	}

	/** M9's task (and its floor's): 10,000 hosts of the large dataset, each through 12 sub-steps, 24 events. */
	static int ingestHosts(LargeDataset.Size size) {
		return Math.min(10_000, size.hosts() / 4);
	}

	/** How many task_result calls M11 times after start-up. */
	static final int FIRST_CALLS = 200;

	/** M11's target: the first calls' median at most twice the warm M1's. */
	static String firstCallsVerdict(Stats cold, Stats warm) {
		double ratio = cold.median() / warm.median();
		return String.format(java.util.Locale.ROOT, "%s: the first %d calls after start-up (class-data archive), median"
				+ " %.1f× the warm M1's %s ms", (ratio <= 2) ? "met" : "**gap**", cold.runs(), ratio,
				Stats.ms(warm.median()));
	}

	/** The longest the simulator measurement runs. */
	static final int SIMULATOR_SECONDS = Integer.getInteger("bench.simulator-seconds", 300);

	static List<String> rows() {
		return new ArrayList<>(List.of("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "P1", "P2", "M10", "M11"));
	}

}
