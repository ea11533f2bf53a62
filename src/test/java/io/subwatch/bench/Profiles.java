package io.subwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Java Flight Recorder profiles of the packaged app, one recording per measurement (issue 14: find where the time
 * goes before changing anything). A recording is started and stopped with {@code jcmd} around the measurement, kept
 * under {@code target/bench/jfr} for Mission Control, and summarised for the report: which library the app's threads
 * were running when sampled, and its hottest methods. Samples of threads running Java code are the CPU the app spent;
 * samples of request threads inside native code (socket reads and writes: waiting for the database or the client)
 * are counted apart, as they are time spent waiting, not computing.
 */
final class Profiles {

	/** Library areas by package prefix, most specific first; a sample counts for the first non-JDK frame's area. */
	private static final List<Map.Entry<String, String>> AREAS = List.of(Map.entry("io.subwatch.", "subwatch"),
			Map.entry("org.h2.", "H2 engine"), Map.entry("com.mysql.", "MySQL driver"),
			Map.entry("com.zaxxer.hikari.", "connection pool"), Map.entry("tools.jackson.", "JSON (Jackson)"),
			Map.entry("com.fasterxml.jackson.", "JSON (Jackson)"), Map.entry("org.thymeleaf.", "Thymeleaf"),
			Map.entry("org.attoparser.", "Thymeleaf"), Map.entry("org.springframework.expression.", "SpEL"),
			Map.entry("org.springframework.security.", "Spring Security"),
			Map.entry("org.springframework.session.", "Spring Session"),
			Map.entry("org.springframework.jdbc.", "Spring JDBC"),
			Map.entry("org.springframework.transaction.", "Spring transactions"),
			Map.entry("org.springframework.", "Spring MVC and core"), Map.entry("org.apache.", "Tomcat"),
			Map.entry("io.micrometer.", "metrics"), Map.entry("ch.qos.logback.", "logging"),
			Map.entry("org.slf4j.", "logging"));

	/** The prefix of a profile's key among a result's values. */
	static final String KEY = "profile ";

	private final long pid;

	private final Path dir;

	private final String prefix;

	private final Map<String, String> summaries = new LinkedHashMap<>();

	Profiles(long pid, Path dir, String prefix) {
		this.pid = pid;
		this.dir = dir;
		this.prefix = prefix;
	}

	/** Runs {@code work} while the app records a profile named {@code measurement}, and summarises it. */
	<T> T record(String measurement, Callable<T> work) throws Exception {
		Files.createDirectories(this.dir);
		Path file = this.dir.resolve(this.prefix + "-" + measurement + ".jfr").toAbsolutePath();
		jcmd("JFR.start", "name=" + measurement, "settings=profile");
		try {
			return work.call();
		}
		finally {
			jcmd("JFR.stop", "name=" + measurement, "filename=" + file);
			this.summaries.put(measurement, summarise(file));
		}
	}

	/** One summary per measurement recorded so far, in the order they ran, keyed {@code KEY + measurement}. */
	Map<String, String> summaries() {
		Map<String, String> keyed = new LinkedHashMap<>();
		this.summaries.forEach((measurement, summary) -> keyed.put(KEY + measurement, summary));
		return keyed;
	}

	private void jcmd(String... command) throws Exception {
		List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				String.valueOf(this.pid)));
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
		}
	}

	/** Where the samples of one recording fall, by library area, with the hottest methods. */
	static String summarise(Path file) throws IOException {
		Map<String, Integer> areas = new HashMap<>();
		Map<String, Integer> methods = new HashMap<>();
		Map<String, Integer> waits = new HashMap<>();
		int running = 0;
		int waiting = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			String type = event.getEventType().getName();
			if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (type.equals("jdk.ExecutionSample")) {
				running++;
				areas.merge(area(frames), 1, Integer::sum);
				methods.merge(name(firstOutsideJdk(frames)), 1, Integer::sum);
			}
			else if (type.equals("jdk.NativeMethodSample") && isRequestWork(event, frames)) {
				waiting++;
				waits.merge(area(frames), 1, Integer::sum);
			}
		}
		if (running == 0) {
			return "no samples";
		}
		String summary = String.format(Locale.ROOT, "%,d CPU samples: %s; hottest methods (first frame outside the"
				+ " JDK): %s", running, shares(areas, running, 6), shares(methods, running, 4));
		return (waiting == 0) ? summary : summary + String.format(Locale.ROOT,
				"; %,d samples of request threads waiting in socket I/O (%s)", waiting, shares(waits, waiting, 3));
	}

	/** A request or streaming thread in native code that is not parked or sleeping: a socket read or write. */
	private static boolean isRequestWork(RecordedEvent event, List<RecordedFrame> frames) {
		String thread = (event.getThread("sampledThread") != null) ? event.getThread("sampledThread").getJavaName()
				: "";
		String top = name(frames.get(0));
		return thread != null && (thread.contains("exec") || thread.contains("stream"))
				&& !top.contains("park") && !top.contains("wait") && !top.contains("sleep");
	}

	static String area(List<RecordedFrame> frames) {
		String type = firstOutsideJdk(frames).getMethod().getType().getName();
		if (isJdk(type)) {
			return "JDK";
		}
		return AREAS.stream()
			.filter((area) -> type.startsWith(area.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : type);
	}

	/** The top frame whose class is not the JDK's (the caller that asked for the JDK's work), else the top frame. */
	private static RecordedFrame firstOutsideJdk(List<RecordedFrame> frames) {
		return frames.stream()
			.filter((frame) -> !isJdk(frame.getMethod().getType().getName()))
			.findFirst()
			.orElse(frames.get(0));
	}

	private static boolean isJdk(String type) {
		return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
				|| type.startsWith("sun.") || type.startsWith("com.sun.");
	}

	private static String name(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

	private static String shares(Map<String, Integer> counts, int total, int limit) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(limit)
			.map((entry) -> String.format(Locale.ROOT, "%s %.0f%%", entry.getKey(), entry.getValue() * 100.0 / total))
			.collect(Collectors.joining(", "));
	}

}
