package io.subwatch.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The cluster test, run by {@code scripts/cluster-test.sh} against a cluster {@code scripts/cluster.sh up} started:
 * declares a task of {@code -Dhosts} hosts, reports it with two event writers over {@code -Dseconds} while the
 * simulator runs and both app nodes are read; kills (SIGKILL) the Galera node that takes the writes and restarts it,
 * then kills and restarts an app node; then checks that every acknowledged event is stored once, on every Galera node,
 * that the counters equal a recount and that no request got a 500. Prints a Markdown table; exits 1 on a failed check.
 */
public final class ClusterRun {

	static final int FRONTEND = 14380;

	static final int DB_FRONTEND = 14300;

	static final int[] GALERA = { 14306, 14307, 14308 };

	private final Path dir;

	private final Path script;

	private final long start = System.nanoTime();

	private final List<String> timeline = new ArrayList<>();

	private ClusterRun(Path dir, Path script) {
		this.dir = dir;
		this.script = script;
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(System.getenv().getOrDefault("SUBWATCH_CLUSTER_DIR", "/tmp/subwatch-cluster"));
		int hosts = Integer.getInteger("hosts", 20_000);
		Duration duration = Duration.ofSeconds(Long.getLong("seconds", 180));
		System.exit(new ClusterRun(dir, Path.of(args[0])).run(hosts, duration) ? 0 : 1);
	}

	private boolean run(int hosts, Duration duration) throws Exception {
		Map<String, String> secrets = secrets();
		String code = secrets.get("SUBWATCH_API_APP_CODE");
		String secret = secrets.get("SUBWATCH_API_APP_SECRET");
		ClusterLoad load = new ClusterLoad(new ClusterHttp(FRONTEND, code, secret), hosts);
		load.declare();
		note("declared subscription " + load.subscriptionId + ", task " + load.taskId + " with " + hosts + " hosts");
		List<ClusterHttp> nodes = new ArrayList<>();
		for (int port : new int[] { 14381, 14382 }) {
			ClusterHttp node = new ClusterHttp(port, code, secret);
			node.signIn("admin", secrets.get("SUBWATCH_ADMIN_PASSWORD"));
			nodes.add(node);
		}
		ClusterCheck check = new ClusterCheck(secrets.get("SUBWATCH_DB_PASSWORD"));
		long started = System.nanoTime();
		List<Thread> writers = load.startWriters(duration);
		List<Thread> readers = load.startReaders(nodes);
		long seconds = duration.toSeconds();

		waitUntil(started, seconds * 20 / 100);
		int writer = writerNode(check);
		note("kill -9 Galera node n" + writer + " (the writer) at " + load.acknowledgedBatches + "/" + load.batches()
				+ " batches");
		kill(this.dir.resolve("galera/n" + writer + ".pid"));
		waitUntil(started, seconds * 35 / 100);
		note("restarting it: scripts/cluster.sh up");
		clusterUp();
		note("Galera node n" + writer + " Synced again; writer now n" + writerNode(check));

		waitUntil(started, seconds * 50 / 100);
		note("kill -9 app node 1 at " + load.acknowledgedBatches + "/" + load.batches() + " batches");
		kill(this.dir.resolve("app1.pid"));
		waitUntil(started, seconds * 55 / 100);
		note("restarting it: scripts/cluster.sh up");
		clusterUp();
		note("app node 1 ready again");

		for (Thread thread : writers) {
			thread.join();
		}
		note("writers done: " + load.acknowledgedBatches + " batches, " + load.acknowledgedEvents
				+ " events acknowledged");
		load.stopReading();
		for (Thread thread : readers) {
			thread.join();
		}
		check.check(load, DB_FRONTEND, GALERA);
		check.size();
		long fiveHundreds = load.tally.count("500");
		if (fiveHundreds > 0) {
			check.failures.add(fiveHundreds + " requests answered 500");
		}
		report(load, check);
		return check.failures.isEmpty();
	}

	private void report(ClusterLoad load, ClusterCheck check) {
		System.out.println("\n### Timeline");
		this.timeline.forEach(line -> System.out.println("- " + line));
		System.out.println("\n### Requests (outcome: count)\n| request | outcome | count |\n|---|---|---|");
		load.tally.snapshot().forEach((key, count) -> {
			int cut = key.lastIndexOf(' ');
			System.out.println("| " + key.substring(0, cut) + " | " + key.substring(cut + 1) + " | " + count + " |");
		});
		System.out.println("\n### Checks\n| check | value |\n|---|---|");
		check.lines.forEach(System.out::println);
		System.out.println(check.failures.isEmpty() ? "\nALL CHECKS PASSED" : "\nFAILED: " + check.failures);
	}

	private void note(String what) {
		String line = "%6.1f s  %s".formatted((System.nanoTime() - this.start) / 1e9, what);
		this.timeline.add(line);
		System.out.println(line);
	}

	private static void waitUntil(long started, long seconds) {
		LockSupport.parkNanos(started + Duration.ofSeconds(seconds).toNanos() - System.nanoTime());
	}

	private static int writerNode(ClusterCheck check) throws Exception {
		try (Connection db = check.connect(DB_FRONTEND); Statement sql = db.createStatement();
				ResultSet rs = sql.executeQuery("SELECT @@port")) {
			rs.next();
			return rs.getInt(1) - 14305;
		}
	}

	private static void kill(Path pidFile) throws IOException, InterruptedException {
		long pid = Long.parseLong(Files.readString(pidFile).trim());
		ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid)).destroyForcibly();
		ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
	}

	private void clusterUp() throws IOException, InterruptedException {
		Process up = new ProcessBuilder(this.script.toString(), "up").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dir.resolve("cluster-test-up.log").toFile()))
			.start();
		if (up.waitFor() != 0) {
			throw new IllegalStateException("scripts/cluster.sh up failed; see " + this.dir.resolve("cluster-test-up.log"));
		}
	}

	private Map<String, String> secrets() throws IOException {
		Map<String, String> secrets = new HashMap<>();
		for (String line : Files.readAllLines(this.dir.resolve("secrets.env"))) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				secrets.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
			}
		}
		return secrets;
	}

}
