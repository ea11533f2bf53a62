package io.subwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark on a tiny dataset and H2, in every build, so the benchmark code cannot rot. Its figures mean
 * nothing; it writes target/benchmarks-smoke.md.
 */
class BenchmarkSmokeIT {

	static Path jar() throws Exception {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((p) -> p.getFileName().toString().matches("subwatch-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("package the app first (mvn package)"));
		}
	}

	@Test
	void theBenchmarkRunsEndToEndOnATinyDataset() throws Exception {
		Benchmark benchmark = new Benchmark(jar(), Path.of("target/bench-smoke"), 5);
		Benchmark.Result result = benchmark.run(BenchDatabase.h2(Path.of("target/bench-smoke/h2")), LargeDataset.TINY);
		String report = BenchmarkReport.render("(smoke)", LargeDataset.TINY.name(), List.of(result), "");
		Files.writeString(Path.of("target/benchmarks-smoke.md"), report);
		for (String id : List.of("M1", "M2", "M3", "M4", "M5", "M6")) {
			assertThat(result.http().get(id).runs()).as(id).isPositive();
			assertThat(result.floor().get(id).runs()).as(id).isPositive();
		}
		assertThat(result.http().get("M7").runs()).isPositive();
		assertThat(result.http().get("P1").runs()).isPositive();
		assertThat(result.http().get("P2").runs()).isPositive();
		assertThat(result.values().get("M8")).contains("req/s");
		assertThat(result.values().get("M9")).contains("events/s");
		assertThat(result.values().get("M10")).contains("start-up");
		assertThat(result.http().get("M11").runs()).isEqualTo(Benchmark.FIRST_CALLS);
		assertThat(result.values().get("M11")).contains("the first 200 calls");
		assertThat(result.plans()).hasSize(8);
		assertThat(result.http().get("P").runs()).isPositive();
		assertThat(result.floor().get("P3").runs()).isPositive();
		for (String id : List.of("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M9")) {
			assertThat(result.values().get(Profiles.KEY + id)).as("profile of " + id).contains("CPU samples");
		}
		assertThat(report).contains("Where the time goes (H2");
	}

}
