package io.subwatch.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.subwatch.demo.DemoCatalog;
import io.subwatch.result.OperatorActions;
import io.subwatch.security.Access;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.CounterDeltas;
import io.subwatch.subscription.LogLine;
import io.subwatch.subscription.NewRecord;
import io.subwatch.subscription.RecordCreation;
import io.subwatch.subscription.RecordPlaces;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.StepPlanDao;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.SubStepState;
import io.subwatch.subscription.Subscription.SubscriptionStep;
import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.subscription.TaskDao;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the benchmark's dataset with the app's own write SQL (RecordCreation, SubStepDao and CounterDao batches):
 * one subscription whose task has N hosts over 2 steps (agent: 8 sub-steps, plugin: 4) with 60% SUCCESS, 20% RUNNING,
 * 10% FAILED and 10% PENDING and a few log lines per finished sub-step, a retry of the failed hosts, and a history of
 * small subscriptions with 3 tasks each.
 */
final class LargeDataset {

	/** How big: the large dataset of the issue, or a tiny one for the smoke run. */
	record Size(String name, int hosts, int historySubscriptions, int historyHosts, int historyTasks) {
	}

	static final Size LARGE = new Size("large", 100_000, 2_000, 50, 3);

	static final Size TINY = new Size("tiny", 2_000, 20, 10, 3);

	/** What the measurements need to know about the generated data. */
	record Generated(long subscriptionId, long taskId, long retryTaskId, int retryHosts, List<String> instanceIds,
			Duration took) {
	}

	static final Access BENCH = Access.system("bench");

	static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");

	private final SubscriptionDao subscriptions;

	private final TaskDao tasks;

	private final StepPlanDao plans;

	private final RecordCreation creation;

	private final SubStepDao subSteps;

	private final CounterDao counters;

	private final RecordPlaces places;

	private final OperatorActions actions;

	private final TransactionTemplate transaction;

	LargeDataset(ApplicationContext context) {
		this.subscriptions = context.getBean(SubscriptionDao.class);
		this.tasks = context.getBean(TaskDao.class);
		this.plans = context.getBean(StepPlanDao.class);
		this.creation = context.getBean(RecordCreation.class);
		this.subSteps = context.getBean(SubStepDao.class);
		this.counters = context.getBean(CounterDao.class);
		this.places = context.getBean(RecordPlaces.class);
		this.actions = context.getBean(OperatorActions.class);
		this.transaction = context.getBean(TransactionTemplate.class);
	}

	Generated generate(Size size) {
		long started = System.nanoTime();
		List<SubscriptionStep> steps = List.of(new SubscriptionStep("agent", "AGENT"),
				new SubscriptionStep("bkmonitorbeat", "PLUGIN"));
		long subscriptionId = this.subscriptions.insert("Benchmark: agent + bkmonitorbeat on " + size.hosts() + " hosts",
				2, "HOST", "INSTANCE", "once", "bkmonitorbeat", "bench", "bench", T0, steps);
		StepPlan plan = this.plans.findById(this.plans.findOrCreate(List.of(
				step("agent", "AGENT", "INSTALL_AGENT", "[agent] 安装", DemoCatalog.AGENT_SUB_STEPS),
				step("bkmonitorbeat", "PLUGIN", "MAIN_INSTALL_PLUGIN", "[bkmonitorbeat] 部署插件程序",
						List.of("下发安装包", "安装插件", "渲染并下发配置", "启动插件进程")))));
		long taskId = this.tasks.insert(subscriptionId, false, false, "bench", T0, T0);
		List<String> instanceIds = new ArrayList<>(size.hosts());
		List<String> failed = new ArrayList<>();
		for (int from = 0; from < size.hosts(); from += 5_000) {
			int to = Math.min(size.hosts(), from + 5_000);
			List<NewRecord> batch = new ArrayList<>(to - from);
			for (int i = from; i < to; i++) {
				batch.add(host(1_000_000L + i, 2, i, plan.id()));
			}
			int offset = from;
			this.transaction.executeWithoutResult((tx) -> {
				Map<String, Long> ids = this.creation.addRecords(subscriptionId, taskId, batch, T0);
				Progress progress = new Progress();
				for (int k = 0; k < batch.size(); k++) {
					String instanceId = batch.get(k).instanceId();
					instanceIds.add(instanceId);
					Status status = bigTaskStatus(offset + k);
					if (status == Status.FAILED) {
						failed.add(instanceId);
					}
					progress.add(ids.get(instanceId), taskId, subscriptionId, plan, status, offset + k, true);
				}
				progress.flush(this.subSteps, this.counters, this.places);
			});
		}
		this.tasks.markReady(taskId, null, T0);
		long retryTaskId = this.actions.retry(subscriptionId, failed, null, BENCH).taskId();
		history(size, plan.steps().get(0));
		return new Generated(subscriptionId, taskId, retryTaskId, failed.size(), instanceIds,
				Duration.ofNanos(System.nanoTime() - started));
	}

	/** 60% SUCCESS, 20% RUNNING, 10% FAILED, 10% PENDING, spread over the record id range. */
	static Status bigTaskStatus(int i) {
		int bucket = i % 10;
		if (bucket < 6) {
			return Status.SUCCESS;
		}
		if (bucket < 8) {
			return Status.RUNNING;
		}
		return (bucket == 8) ? Status.FAILED : Status.PENDING;
	}

	private void history(Size size, StepPlan.Step agentStep) {
		StepPlan plan = this.plans.findById(this.plans.findOrCreate(List.of(agentStep)));
		List<SubscriptionStep> steps = List.of(new SubscriptionStep("agent", "AGENT"));
		for (int from = 0; from < size.historySubscriptions(); from += 50) {
			int to = Math.min(size.historySubscriptions(), from + 50);
			int first = from;
			this.transaction.executeWithoutResult((tx) -> {
				Progress progress = new Progress();
				for (int s = first; s < to; s++) {
					long biz = 10 + s % 40;
					long subscriptionId = this.subscriptions.insert("History " + s, biz, "HOST", "INSTANCE", "once", null,
							"bench", "bench", T0, steps);
					for (int t = 0; t < size.historyTasks(); t++) {
						long taskId = this.tasks.insert(subscriptionId, true, false, "bench", T0.plusSeconds(t * 600L), T0);
						List<NewRecord> hosts = new ArrayList<>(size.historyHosts());
						for (int h = 0; h < size.historyHosts(); h++) {
							hosts.add(host(10_000_000L + (long) s * size.historyHosts() + h, biz, h, plan.id()));
						}
						Map<String, Long> ids = this.creation.addRecords(subscriptionId, taskId, hosts, T0);
						for (int h = 0; h < hosts.size(); h++) {
							Status status = (h % 12 == 5) ? Status.FAILED : Status.SUCCESS;
							progress.add(ids.get(hosts.get(h).instanceId()), taskId, subscriptionId, plan, status, h,
									t == size.historyTasks() - 1);
						}
					}
				}
				progress.flush(this.subSteps, this.counters, this.places);
			});
		}
	}

	static NewRecord host(long hostId, long bizId, int index, long planId) {
		String ip = "10." + (hostId / 65_536 % 256) + "." + (hostId / 256 % 256) + "." + (hostId % 256);
		String name = "bench-" + hostId;
		String simple = "{\"host\":{\"bk_host_innerip\":\"" + ip + "\",\"bk_cloud_id\":0,\"bk_host_name\":\"" + name
				+ "\",\"bk_host_id\":" + hostId + ",\"bk_biz_id\":" + bizId + ",\"bk_biz_name\":\"biz " + bizId
				+ "\",\"bk_cloud_name\":\"直连区域\"},\"service\":{}}";
		String full = "{\"host\":{\"bk_host_id\":" + hostId + ",\"bk_host_innerip\":\"" + ip + "\",\"bk_host_name\":\""
				+ name + "\",\"bk_cloud_id\":0,\"bk_biz_id\":" + bizId + ",\"os_type\":\"LINUX\",\"bk_os_name\":"
				+ "\"linux centos\",\"bk_supplier_account\":\"0\"},\"service\":{},\"scope\":{\"bk_biz_id\":" + bizId
				+ ",\"object_type\":\"HOST\",\"node_type\":\"INSTANCE\",\"index\":" + index + "}}";
		return new NewRecord("host|instance|host|" + hostId, planId, hostId, ip, null, 0L, name, bizId, null, simple,
				full);
	}

	private static StepPlan.Step step(String id, String type, String action, String nodeName, List<String> subs) {
		return new StepPlan.Step(id, type, action, nodeName, "{}",
				subs.stream().map((sub) -> new StepPlan.SubStep(sub, null)).toList());
	}

	/** The sub-step rows, logs, record updates and counter deltas of finished or running records, written in bulk. */
	private static final class Progress {

		final List<SubStepDao.LogAppend> logs = new ArrayList<>();

		final CounterDeltas deltas = new CounterDeltas();

		final List<RecordPlaces.Moved> moved = new ArrayList<>();

		void add(long recordId, long taskId, long subscriptionId, StepPlan plan, Status status, int index,
				boolean latest) {
			if (status == Status.PENDING) {
				return;
			}
			int total = plan.subStepCount();
			int stop = switch (status) {
				case SUCCESS -> total;
				case RUNNING -> 1 + index % (total - 1);
				default -> index % total;
			};
			Instant time = T0.plusSeconds(60 + index / 500 * 10L);
			int position = 0;
			Map<Integer, SubStepState> states = new java.util.HashMap<>();
			for (int s = 0; s < plan.steps().size(); s++) {
				for (int i = 0; i < plan.steps().get(s).subSteps().size(); i++, position++) {
					if (position > stop || (position == stop && status == Status.SUCCESS)) {
						break;
					}
					Instant end = time.plusMillis(2_000 + (recordId * 7 + position * 131) % 18_000);
					Status sub = (position < stop) ? Status.SUCCESS : (status == Status.RUNNING) ? Status.RUNNING
							: Status.FAILED;
					SubStepState state = new SubStepState(s, i, sub, time, (sub == Status.RUNNING) ? null : end);
					states.put(RecordProgress.key(s, i), state);
					if (sub != Status.RUNNING) {
						String name = plan.steps().get(s).subSteps().get(i).nodeName();
						this.logs.add(new SubStepDao.LogAppend(recordId, s, i,
								LogLine.of(time, java.time.ZoneOffset.ofHours(8), "INFO", "开始 " + name) + "\n"
										+ LogLine.of(end, java.time.ZoneOffset.ofHours(8),
												(sub == Status.FAILED) ? "ERROR" : "INFO",
												(sub == Status.FAILED) ? "ssh: connect to host port 22: Connection refused"
														: name + " 完成"),
								end, sub));
					}
					time = end;
				}
			}
			this.deltas.move(recordId, taskId, subscriptionId, latest, Status.PENDING, status);
			this.moved.add(new RecordPlaces.Moved(new InstanceRecord(recordId, subscriptionId, taskId, "", plan.id(),
					Status.PENDING, latest, T0, null, null, T0, null, null, null, null, null, null, null, "{}"),
					RecordProgress.of(plan, states), states.values()));
		}

		void flush(SubStepDao subSteps, CounterDao counters, RecordPlaces places) {
			subSteps.appendLogs(this.logs);
			counters.apply(this.deltas);
			places.movedWithProgress(this.moved, T0.plusSeconds(3600));
		}

	}

}
