package io.subwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of issue 6 on the large dataset, on H2 and MySQL/MariaDB; writes docs/benchmarks.md. Not part of the
 * default build: run {@code bench/run.sh}.
 */
@Tag("bench")
class BenchmarkIT {

	@Test
	void run() throws Exception {
		Path jar = BenchmarkSmokeIT.jar();
		int runs = Integer.getInteger("bench.runs", 200);
		List<Benchmark.Result> results = new ArrayList<>();
		Benchmark benchmark = new Benchmark(jar, Path.of("target/bench"), runs);
		for (String db : System.getProperty("bench.databases", "h2,mysql").split(",")) {
			BenchDatabase database = db.equals("h2") ? BenchDatabase.h2(Path.of("target/bench/h2"))
					: BenchDatabase.mysql();
			results.add(benchmark.run(database, LargeDataset.LARGE));
		}
		String notes = Files.exists(Path.of("bench/notes.md")) ? Files.readString(Path.of("bench/notes.md")) : "";
		Files.writeString(Path.of("docs/benchmarks.md"),
				BenchmarkReport.render("bench/run.sh", LargeDataset.LARGE.name(), results, notes));
	}

}
