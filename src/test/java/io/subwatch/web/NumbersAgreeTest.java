package io.subwatch.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.subwatch.simulate.Simulator;
import io.subwatch.simulate.SimulatorLauncher;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.StepPlanDao;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.SubStepState;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.MutableClock;
import io.subwatch.support.MutableClockConfig;
import io.subwatch.support.TestUsers;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: the numbers a page shows in its counters, step matrix, failure clusters, progress panel, stragglers
 * panel and host table always agree, at every moment of a running simulation and on a task holding every record
 * status (the simulator's PENDING, RUNNING, SUCCESS, FAILED, and TERMINATED reported for some running hosts).
 */
@IntegrationTest
@Import(MutableClockConfig.class)
@TestPropertySource(properties = { "subwatch.simulator.max-in-flight=12", "subwatch.simulator.max-running-tasks=50",
		"subwatch.simulator.agent.failure-rate=0.3" })
class NumbersAgreeTest {

	static final int HOSTS = 60;

	static final Pattern OF_N = Pattern.compile("of ([0-9,]+) (?:matching )?hosts");

	@Autowired
	MockMvc mvc;

	@Autowired
	Simulator simulator;

	@Autowired
	SimulatorLauncher launcher;

	@Autowired
	CounterDao counters;

	@Autowired
	InstanceRecordDao records;

	@Autowired
	SubStepDao subSteps;

	@Autowired
	StepPlanDao plans;

	@Autowired
	MutableClock clock;

	@Autowired
	Fixtures fixtures;

	@Test
	void countersPanelsAndTableAgreeThroughoutARun() {
		Pages pages = new Pages(this.mvc);
		RequestPostProcessor admin = TestUsers.admin();
		long taskId = this.launcher.launchAgentInstall(HOSTS);
		long subscriptionId = this.records.findAllByTaskAndStatus(taskId, Status.PENDING, 0, 1).get(0).subscriptionId();
		String url = "/subscriptions/" + subscriptionId + "?task=" + taskId;
		int checked = 0;
		boolean terminatedSome = false;
		StatusCounts counts = this.counters.findByTask(taskId);
		for (int tick = 0; counts.active() && tick < 1_000; tick++) {
			this.clock.advance(Duration.ofSeconds(2));
			this.simulator.tick();
			if (!terminatedSome && counts.count(Status.RUNNING) >= 3) {
				terminateRunning(taskId, 2);
				terminatedSome = true;
			}
			counts = this.counters.findByTask(taskId);
			if (tick % 4 == 0 || !counts.active()) {
				assertAgreement(pages, admin, url, counts, "tick " + tick);
				checked++;
			}
		}
		assertThat(counts.active()).as("the run ends").isFalse();
		assertThat(counts.count(Status.TERMINATED)).as("terminated hosts in the task").isEqualTo(2);
		assertThat(counts.count(Status.FAILED)).as("failed hosts in the task").isPositive();
		assertThat(checked).as("moments checked").isGreaterThan(5);
	}

	/** Reports TERMINATED for the current sub-step of {@code n} running hosts, as an executor's revoke would. */
	private void terminateRunning(long taskId, int n) {
		List<Map<String, Object>> events = new ArrayList<>();
		Instant now = this.clock.instant();
		List<InstanceRecord> running = this.records.findAllByTaskAndStatus(taskId, Status.RUNNING, 0, n);
		Map<Long, Map<Integer, SubStepState>> states = this.subSteps
			.findByRecordIds(running.stream().map(InstanceRecord::id).toList());
		for (InstanceRecord record : running) {
			StepPlan plan = this.plans.findById(record.planId());
			SubStepState current = states.get(record.id()).values().stream()
				.filter((state) -> state.status() == Status.RUNNING)
				.findFirst()
				.orElseThrow();
			Map<String, Object> event = Fixtures.event(record.id(), current.subIndex(), "TERMINATED", now);
			event.put("step_id", plan.steps().get(current.stepIndex()).id());
			events.add(event);
		}
		assertThat(this.fixtures.send(events).errors()).isEmpty();
	}

	private void assertAgreement(Pages pages, RequestPostProcessor admin, String url, StatusCounts counts,
			String moment) {
		Pages.Page page = pages.get(url, admin);
		assertThat(page.status()).as(moment).isEqualTo(200);
		Map<Status, Integer> shown = new EnumMap<>(Status.class);
		int total = 0;
		for (Status status : Status.RECORD_STATUSES) {
			int counter = number(page.text("#counter-" + status.name() + " strong"));
			assertThat(counter).as("%s: counter %s against the stored counts", moment, status)
				.isEqualTo(counts.count(status));
			shown.put(status, counter);
			total += counter;
		}
		assertThat(total).as(moment).isEqualTo(HOSTS);
		assertThat(ofN(page.text("#results-meta"))).as("%s: the table's total", moment).isEqualTo(HOSTS);

		Map<Status, Integer> matrix = new EnumMap<>(Status.class);
		for (Element cell : page.doc().select("#step-matrix a[id^=cell-]")) {
			Status status = Status.valueOf(cell.id().substring(cell.id().lastIndexOf('-') + 1));
			matrix.merge(status, number(cell.text()), Integer::sum);
		}
		for (Status status : Status.RECORD_STATUSES) {
			assertThat(matrix.getOrDefault(status, 0)).as("%s: matrix column %s", moment, status)
				.isEqualTo(shown.get(status));
		}
		int failed = shown.get(Status.FAILED);
		if (failed > 0) {
			int clustered = page.doc().select("#failure-clusters .cluster-count").stream()
				.mapToInt((c) -> number(c.text().split(" ")[0]))
				.sum();
			assertThat(page.text("#failure-clusters h2")).as(moment).contains(String.valueOf(failed));
			if (!page.has("#failure-clusters .hint")) {
				assertThat(clustered).as("%s: the clusters cover every failed host", moment).isEqualTo(failed);
			}
		}
		int done = shown.get(Status.SUCCESS) + failed + shown.get(Status.TERMINATED);
		assertThat(page.text("#progress-percent")).as(moment).isEqualTo((done * 100 / HOSTS) + "% done");
		if (page.has("#counter-stuck")) {
			assertThat(number(page.text("#counter-stuck strong"))).as(moment)
				.isLessThanOrEqualTo(shown.get(Status.RUNNING));
		}
		for (Status status : Status.RECORD_STATUSES) {
			if (shown.get(status) > 0) {
				Pages.Page filtered = pages.get(url + "&status=" + status.name(), admin);
				assertThat(ofN(filtered.text("#results-meta"))).as("%s: table filtered on %s", moment, status)
					.isEqualTo(shown.get(status));
				assertThat(number(filtered.text("#counter-" + status.name() + " strong"))).as(moment)
					.isEqualTo(shown.get(status));
			}
		}
	}

	static int ofN(String meta) {
		Matcher matcher = OF_N.matcher(meta);
		assertThat(matcher.find()).as(meta).isTrue();
		return number(matcher.group(1));
	}

	static int number(String text) {
		String digits = text.replace(",", "").trim();
		return digits.isEmpty() ? 0 : Integer.parseInt(digits);
	}

}
