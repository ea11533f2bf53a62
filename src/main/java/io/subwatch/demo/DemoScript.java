package io.subwatch.demo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.subwatch.ingest.IngestService.CreatedRecord;
import io.subwatch.ingest.ReportedEvent;
import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.Status;

/**
 * Writes the events of finished demo runs: every sub-step RUNNING then SUCCESS with INFO log lines, or a FAILED
 * sub-step with an ERROR line from the catalogue.
 */
final class DemoScript {

	private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

	private final Random random;

	private final Set<String> failed = new HashSet<>();

	DemoScript(Random random) {
		this.random = random;
	}

	boolean failed(String instanceId) {
		return this.failed.contains(instanceId);
	}

	List<ReportedEvent> finish(DemoSubscription subscription, CreatedTask task, List<DemoHost> hosts,
			Instant start, double failureRate) {
		List<ReportedEvent> events = new ArrayList<>();
		for (int i = 0; i < hosts.size(); i++) {
			CreatedRecord record = task.records().get(i);
			events.addAll(run(subscription, record.recordId(), hosts.get(i), start.plusSeconds(i / 10), failureRate));
		}
		return events;
	}

	List<ReportedEvent> finishRecords(DemoSubscription subscription, List<InstanceRecord> records,
			Map<String, DemoHost> hosts, Instant start, double failureRate) {
		List<ReportedEvent> events = new ArrayList<>();
		for (InstanceRecord record : records) {
			events.addAll(run(subscription, record.id(), hosts.get(record.instanceId()), start, failureRate));
		}
		return events;
	}

	private List<ReportedEvent> run(DemoSubscription subscription, long recordId, DemoHost host, Instant start,
			double failureRate) {
		List<ReportedEvent> events = new ArrayList<>();
		boolean fails = this.random.nextDouble() < failureRate;
		int failStep = fails ? this.random.nextInt(subscription.steps().size()) : -1;
		List<DemoCatalog.Failure> failures = "AGENT".equals(subscription.steps().get(Math.max(failStep, 0)).type())
				? DemoCatalog.AGENT_FAILURES : DemoCatalog.PLUGIN_FAILURES;
		DemoCatalog.Failure failure = failures.get(this.random.nextInt(failures.size()));
		Instant time = start;
		for (int s = 0; s < subscription.steps().size(); s++) {
			DemoSubscription.DemoStep step = subscription.steps().get(s);
			for (int i = 0; i < step.subSteps().size(); i++) {
				String name = subscription.subStepName(s, i);
				events.add(DemoLoader.event(recordId, step.id(), i, Status.RUNNING, time, null));
				time = time.plusMillis(300 + this.random.nextInt(20_000));
				if (s == failStep && i == Math.min(failure.subStep(), step.subSteps().size() - 1)) {
					events.add(DemoLoader.event(recordId, step.id(), i, Status.FAILED, time,
							line(time, "INFO", "开始 " + name) + "\n"
									+ line(time, "ERROR", failure.message().formatted(host.ip()))));
					this.failed.add(host.instanceId());
					return events;
				}
				events.add(DemoLoader.event(recordId, step.id(), i, Status.SUCCESS, time,
						line(time, "INFO", "开始 " + name) + "\n" + line(time, "INFO", name + " 完成 (" + host.ip() + ")")));
			}
		}
		return events;
	}

	private static String line(Instant time, String level, String message) {
		return "[" + OffsetDateTime.ofInstant(time, CHINA).toLocalDateTime().toString().replace('T', ' ').substring(0, 19)
				+ " " + level + "] " + message;
	}

}
