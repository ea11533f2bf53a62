package io.subwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What durable commits cost M9 (events ingest) on H2: the same ingest against the packaged app with the app's
 * WRITE_DELAY=0 and with H2's default 500 ms delay, each on a fresh database. Not part of the default build:
 * {@code ./mvnw -Pbench failsafe:integration-test -Dit.test=WriteDelayBenchmarkIT} after {@code mvn package}; writes
 * target/write-delay-benchmark.md.
 */
@Tag("bench")
class WriteDelayBenchmarkIT {

	@Test
	void run() throws Exception {
		Path work = Path.of("target/bench-write-delay");
		BenchDatabase durable = BenchDatabase.h2(work.resolve("durable"));
		BenchDatabase delayed = new BenchDatabase("H2", BenchDatabase.h2(work.resolve("delayed"))
			.url()
			.replace(";WRITE_DELAY=0", ";WRITE_DELAY=500"), "sa", "");
		StringBuilder report = new StringBuilder("M9 on H2, batches of 1,000, one sender, fresh database:\n");
		for (BenchDatabase db : List.of(delayed, durable)) {
			db.reset();
			try (AppProcess app = AppProcess.start(Launch.plain(BenchmarkSmokeIT.jar()), db, "512m", work)) {
				LargeDataset.Generated none = new LargeDataset.Generated(0, 0, 0, 0, List.of(), Duration.ZERO);
				String m9 = new HttpMeasurements(app, none).ingest(Benchmark.ingestHosts(LargeDataset.LARGE), 30_000);
				report.append("- ").append(db.url().replaceAll(".*;(WRITE_DELAY=\\d+).*", "$1")).append(": ")
					.append(m9).append('\n');
			}
		}
		Files.writeString(Path.of("target/write-delay-benchmark.md"), report);
		System.out.print(report);
	}

}
