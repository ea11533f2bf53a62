package io.subwatch.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.subwatch.SubwatchApplication;
import io.subwatch.ingest.Event;
import io.subwatch.ingest.EventBatch;
import io.subwatch.ingest.EventService;
import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.ingest.InstanceRequest;
import io.subwatch.ingest.IngestService.CreatedRecord;
import io.subwatch.ingest.SubscriptionRequest;
import io.subwatch.ingest.TaskRequest;
import io.subwatch.security.Access;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.Subscription.SubscriptionStep;
import io.subwatch.subscription.SubscriptionOptions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * M9's workload in process, without HTTP: a task of 10,000 hosts, then every host through 12 sub-steps (the SUCCESS of
 * one with the RUNNING of the next) in batches of 1,000 events straight to {@link EventService}; prints events/s and
 * the JDBC statements (prepared, executed) per batch. Run with the test classpath:
 * {@code java -cp … io.subwatch.bench.IngestWritePath [--spring.datasource.url=…]}; add JFR flags to profile it.
 */
public final class IngestWritePath {

	private static final Access ACCESS = Access.system("bench");

	private static final AtomicLong PREPARED = new AtomicLong();

	private static final AtomicLong EXECUTED = new AtomicLong();

	/** What MySQL runs: a batched INSERT is rewritten into one multi-row statement, any other batch is one per row. */
	private static final AtomicLong SERVER = new AtomicLong();

	private IngestWritePath() {
	}

	public static void main(String[] args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--subwatch.jobs.enabled=false");
		all.add("--logging.level.root=WARN");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SubwatchApplication.class)
			.profiles("test")
			.initializers((ctx) -> ctx.getBeanFactory().addBeanPostProcessor(new Counting()))
			.run(all.toArray(String[]::new))) {
			int hosts = Integer.getInteger("hosts", 10_000);
			run(app, hosts / 5, 60_000_000L);
			run(app, hosts, 50_000_000L);
			if (Boolean.getBoolean("twice")) {
				run(app, hosts, 70_000_000L);
			}
			if (Boolean.getBoolean("floor")) {
				IngestFloor floor = new IngestFloor(app);
				floor.measure(hosts / 5, 80_000_000L);
				System.out.println("M9 floor: " + floor.measure(hosts, 90_000_000L));
			}
		}
	}

	private static void run(ConfigurableApplicationContext app, int hosts, long firstHostId) {
		EventService events = app.getBean(EventService.class);
		List<Event> all = events(newTask(app, hosts, firstHostId));
		List<EventBatch> batches = new ArrayList<>();
		for (int from = 0; from < all.size(); from += 1_000) {
			List<Event> part = all.subList(from, Math.min(all.size(), from + 1_000));
			List<Event> numbered = new ArrayList<>(part.size());
			for (int i = 0; i < part.size(); i++) {
				Event e = part.get(i);
				numbered.add(new Event(i, e.recordId(), e.stepId(), e.subStep(), e.status(), e.time(), e.log()));
			}
			batches.add(new EventBatch(numbered, List.of()));
		}
		long prepared = PREPARED.get();
		long executed = EXECUTED.get();
		long server = SERVER.get();
		long applied = 0;
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		long cpu = os.getProcessCpuTime();
		long start = System.nanoTime();
		for (EventBatch batch : batches) {
			applied += events.apply(batch, ACCESS).applied();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
		System.out.printf(Locale.ROOT,
				"M9 in process: %,d hosts, %,d events (%,d applied) in %.1f s = %,.0f events/s, %.1f s of this JVM's CPU"
						+ " = %,.0f events per CPU second; per batch of 1,000: %.1f statements prepared, %.1f executed,"
						+ " %.1f run by a MySQL server%n",
				hosts, all.size(), applied, seconds, all.size() / seconds, cpuSeconds, all.size() / cpuSeconds,
				(PREPARED.get() - prepared) / (double) batches.size(), (EXECUTED.get() - executed) / (double) batches.size(),
				(SERVER.get() - server) / (double) batches.size());
	}

	/** A new task of {@code hosts} hosts, ready, with two steps of 8 and 4 sub-steps: its record ids in order. */
	static List<Long> newTask(ConfigurableApplicationContext app, int hosts, long firstHostId) {
		IngestService ingest = app.getBean(IngestService.class);
		IngestRequests requests = app.getBean(IngestRequests.class);
		JsonMapper json = app.getBean(JsonMapper.class);
		long subscription = ingest.createSubscription(new SubscriptionRequest("ingest benchmark", 3, "HOST", "INSTANCE",
				null, null, List.of(new SubscriptionStep("agent", "AGENT"), new SubscriptionStep("bkmonitorbeat", "PLUGIN")),
				SubscriptionOptions.NONE, null), ACCESS);
		long task = ingest.createTask(subscription, TaskRequest.building(false, null), ACCESS).taskId();
		List<InstanceRequest.Step> steps = List.of(
				new InstanceRequest.Step("agent", "INSTALL_AGENT", "[agent] INSTALL_AGENT", "{}",
						subSteps("注册主机到配置平台", "选择接入点", "安装", "查询Agent状态", "托管 processbeat 插件进程",
								"托管 exceptionbeat 插件进程", "托管 basereport 插件进程", "更新任务状态")),
				new InstanceRequest.Step("bkmonitorbeat", "MAIN_INSTALL_PLUGIN", "[bkmonitorbeat] MAIN_INSTALL_PLUGIN",
						"{}", subSteps("下发安装包", "安装插件", "渲染并下发配置", "启动插件进程")));
		List<Long> records = new ArrayList<>(hosts);
		for (int from = 0; from < hosts; from += 2_500) {
			List<InstanceRequest> instances = new ArrayList<>();
			for (int i = from; i < Math.min(hosts, from + 2_500); i++) {
				long hostId = firstHostId + i;
				ObjectNode info = json.createObjectNode();
				ObjectNode host = info.putObject("host");
				host.put("bk_host_id", hostId);
				host.put("bk_host_innerip", "10.9." + (i / 250) + "." + (i % 250));
				host.put("bk_cloud_id", 0);
				host.put("bk_biz_id", 3);
				instances.add(new InstanceRequest("host|instance|host|" + hostId, requests.info(info, "bench"), steps));
			}
			ingest.addInstances(task, instances, ACCESS).records().stream().map(CreatedRecord::recordId)
				.forEach(records::add);
		}
		ingest.markReady(task, null, ACCESS);
		return records;
	}

	/**
	 * Every host through the 12 sub-steps as an executor reports them: the RUNNING of the first, then the SUCCESS of
	 * each (with a log line) and the RUNNING of the next, host after host, one position at a time.
	 */
	static List<Event> events(List<Long> records) {
		List<Event> all = new ArrayList<>(records.size() * 24);
		String[] stepIds = { "agent", "bkmonitorbeat" };
		long second = 0;
		for (int position = 0; position < 12; position++) {
			int step = (position < 8) ? 0 : 1;
			int sub = (position < 8) ? position : position - 8;
			for (Long record : records) {
				Instant time = Instant.parse("2026-11-28T02:00:00Z").plusSeconds(second++ % 86_400);
				if (position == 0) {
					all.add(new Event(0, record, stepIds[0], 0, Status.RUNNING, time, null));
				}
				all.add(new Event(0, record, stepIds[step], sub, Status.SUCCESS, time,
						"[2026-11-28 10:00:00 INFO] sub-step " + position + " done"));
				if (position < 11) {
					int next = position + 1;
					all.add(new Event(0, record, stepIds[(next < 8) ? 0 : 1], (next < 8) ? next : next - 8,
							Status.RUNNING, time, null));
				}
			}
		}
		return all;
	}

	private static List<StepPlan.SubStep> subSteps(String... names) {
		return java.util.Arrays.stream(names).map((name) -> new StepPlan.SubStep(name, null)).toList();
	}

	/** Counts the statements the application prepares and executes (an executed JDBC batch counts once). */
	static final class Counting implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String name) {
			if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
				return proxy(DataSource.class, dataSource);
			}
			return bean;
		}

		@SuppressWarnings("unchecked")
		private static <T> T proxy(Class<T> type, T target) {
			return proxy(type, target, null);
		}

		@SuppressWarnings("unchecked")
		private static <T> T proxy(Class<T> type, T target, String sql) {
			AtomicLong rows = new AtomicLong();
			return (T) Proxy.newProxyInstance(IngestWritePath.class.getClassLoader(), new Class<?>[] { type },
					(self, method, methodArgs) -> {
						Object result;
						try {
							result = method.invoke(target, methodArgs);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
						String m = method.getName();
						if (m.equals("addBatch")) {
							rows.incrementAndGet();
						}
						if (m.startsWith("execute")) {
							EXECUTED.incrementAndGet();
							boolean insert = sql != null && sql.strip().toUpperCase(Locale.ROOT).startsWith("INSERT");
							SERVER.addAndGet((m.equals("executeBatch") && !insert) ? rows.get() : 1);
							rows.set(0);
						}
						if (m.equals("prepareStatement") || m.equals("createStatement")) {
							PREPARED.incrementAndGet();
						}
						if (result instanceof Connection c && type != Connection.class) {
							return proxy(Connection.class, c);
						}
						if (result instanceof java.sql.PreparedStatement p) {
							return proxy(java.sql.PreparedStatement.class, p,
									(methodArgs != null && methodArgs[0] instanceof String text) ? text : null);
						}
						if (result instanceof Statement st && !(result instanceof java.sql.PreparedStatement)) {
							return proxy(Statement.class, st);
						}
						return result;
					});
		}

	}

}
