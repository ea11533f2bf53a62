package io.subwatch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.SubwatchApplication;
import io.subwatch.result.EngineProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The record engine's read paths in process (task_result without HTTP, the page's regions without rendering), on a
 * mid-size dataset: {@code ./mvnw -Pbench test-compile failsafe:integration-test -Dit.test=EngineTimingIT}
 * ({@code -Dbench.databases=h2,mysql}, {@code -Dbench.hosts=20000}, {@code -Dbench.runs=30}). Compare figures only
 * within one run of one machine.
 */
@Tag("bench")
class EngineTimingIT {

	@Test
	void readPaths() throws Exception {
		int hosts = Integer.getInteger("bench.hosts", 20_000);
		int runs = Integer.getInteger("bench.runs", 30);
		for (String name : System.getProperty("bench.databases", "h2").split(",")) {
			BenchDatabase db = name.equals("h2") ? BenchDatabase.h2(Path.of("target/bench-engine/h2"))
					: BenchDatabase.mysql();
			db.reset();
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SubwatchApplication.class).run(
					"--server.port=0", "--management.server.port=0", "--spring.datasource.url=" + db.url(),
					"--spring.datasource.username=" + db.user(),
					"--spring.datasource.password=" + ((db.password() != null) ? db.password() : ""),
					"--subwatch.jobs.enabled=false", "--subwatch.demo.enabled=false",
					"--subwatch.simulator.enabled=false",
					"--subwatch.security.admin-password=" + AppProcess.ADMIN_PASSWORD,
					"--subwatch.security.initial-admin-password-file=target/bench-engine/initial-admin-password",
					"--logging.level.root=WARN")) {
				LargeDataset.Generated data = new LargeDataset(context)
					.generate(new LargeDataset.Size("engine", hosts, 20, 10, 3));
				EngineProbe api = new EngineProbe(context);
				io.subwatch.web.EngineProbe page = new io.subwatch.web.EngineProbe(context);
				long sid = data.subscriptionId();
				long task = data.taskId();
				List<String> sample = new ArrayList<>(1000);
				int step = Math.max(1, data.instanceIds().size() / 1000);
				for (int i = 0; i < data.instanceIds().size() && sample.size() < 1000; i += step) {
					sample.add(data.instanceIds().get(i));
				}
				// FAILED + RUNNING are 30% of the task: the deepest full page, at most page 500
				int deep = Math.min(500, (int) (hosts * 0.3 / 50) - 1);
				List<String> failedRunning = List.of("FAILED", "RUNNING");
				Map<String, Stats> stats = new LinkedHashMap<>();
				stats.put("api page 1 of one task", Stats.measure(runs, runs,
						() -> api.page(sid, List.of(task), 1, null, null, false, LargeDataset.BENCH)));
				stats.put("api page " + deep + " of FAILED+RUNNING", Stats.measure(runs, runs,
						() -> api.page(sid, List.of(task), deep, failedRunning, null, false, LargeDataset.BENCH)));
				stats.put("api 1,000 instance ids", Stats.measure(runs, runs,
						() -> api.page(sid, List.of(task), 1, null, sample, false, LargeDataset.BENCH)));
				stats.put("api need_aggregate_all_tasks page 1", Stats.measure(runs, runs,
						() -> api.page(sid, null, 1, null, null, true, LargeDataset.BENCH)));
				stats.put("page table, page 1 of one task", Stats.measure(runs, runs,
						() -> page.load(sid, task, List.of(), 1, LargeDataset.BENCH)));
				stats.put("page table, page " + deep + " of FAILED+RUNNING", Stats.measure(runs, runs,
						() -> page.load(sid, task, failedRunning, deep, LargeDataset.BENCH)));
				for (Map.Entry<String, Stats> entry : stats.entrySet()) {
					System.out.printf("ENGINE %s %s: median %s ms, p95 %s ms, max %s ms%n", db.name(), entry.getKey(),
							Stats.ms(entry.getValue().median()), Stats.ms(entry.getValue().p95()),
							Stats.ms(entry.getValue().max()));
				}
			}
		}
	}

}
