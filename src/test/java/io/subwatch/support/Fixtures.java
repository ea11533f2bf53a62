package io.subwatch.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.subwatch.ingest.EventService;
import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.security.Access;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds test data through the reporting API's services: subscriptions, tasks of N hosts and their events. Host ids
 * and businesses are unique per call so tests never see each other's data.
 */
@Component
public class Fixtures {

	public static final Access SYSTEM = Access.system("test");

	/** Unique business ids per JVM, far from the demo's. */
	private static final AtomicLong NEXT_BIZ = new AtomicLong(100_000 + (System.nanoTime() % 1_000_000) * 10);

	private static final AtomicLong NEXT_HOST = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	public static final List<String> AGENT_SUBS = List.of("注册主机到配置平台", "选择接入点", "安装", "查询Agent状态");

	private final IngestService ingest;

	private final EventService events;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final IngestRequests requests;

	Fixtures(IngestService ingest, EventService events, JsonMapper json, JdbcClient jdbc, IngestRequests requests) {
		this.requests = requests;
		this.ingest = ingest;
		this.events = events;
		this.json = json;
		this.jdbc = jdbc;
	}

	public long newBizId() {
		return NEXT_BIZ.incrementAndGet();
	}

	/** A subscription with one AGENT step {@code agent}. */
	public long subscription(long bizId) {
		return this.ingest.createSubscription(this.requests.subscription(this.json.valueToTree(Map.of("name", "test " + bizId, "bk_biz_id", bizId,
				"steps", List.of(Map.of("id", "agent", "type", "AGENT"))))), SYSTEM);
	}

	public long subscription() {
		return subscription(newBizId());
	}

	/** A host instance of a new host id, with IP 10.x.y.z. */
	public Map<String, Object> host(long bizId) {
		long hostId = NEXT_HOST.incrementAndGet();
		Map<String, Object> host = new LinkedHashMap<>();
		host.put("bk_host_id", hostId);
		host.put("bk_host_innerip", "10." + (hostId / 65536 % 256) + "." + (hostId / 256 % 256) + "." + (hostId % 256));
		host.put("bk_host_name", "host-" + hostId);
		host.put("bk_cloud_id", 0);
		host.put("bk_biz_id", bizId);
		host.put("bk_biz_name", "biz " + bizId);
		host.put("os_type", "LINUX");
		return Map.of("instance_id", "host|instance|host|" + hostId, "instance_info",
				Map.of("host", host, "scope", Map.of("bk_biz_id", bizId)), "steps",
				List.of(Map.of("id", "agent", "action", "INSTALL_AGENT", "sub_steps", AGENT_SUBS)));
	}

	public List<Map<String, Object>> hosts(long bizId, int count) {
		List<Map<String, Object>> hosts = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			hosts.add(host(bizId));
		}
		return hosts;
	}

	public CreatedTask task(long subscriptionId, List<Map<String, Object>> instances) {
		return this.ingest.createTask(subscriptionId,
				this.requests.task(this.json.valueToTree(Map.of("ready", true, "instances", instances))), SYSTEM);
	}

	public EventService.Outcome send(List<Map<String, Object>> batch) {
		return this.events.apply(this.requests.events(this.json.valueToTree(Map.of("events", batch))), SYSTEM);
	}

	public static Map<String, Object> event(long recordId, int subStep, String status, Instant time) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("record_id", recordId);
		event.put("step_id", "agent");
		event.put("sub_step", subStep);
		event.put("status", status);
		event.put("time", OffsetDateTime.ofInstant(time, ZoneOffset.ofHours(8)).toString());
		return event;
	}

	public static Map<String, Object> event(long recordId, int subStep, String status, Instant time, String log) {
		Map<String, Object> event = event(recordId, subStep, status, time);
		event.put("log", log);
		return event;
	}

	/** Events that finish a record: every sub-step SUCCESS, or FAILED at {@code failAt}. */
	public static List<Map<String, Object>> finish(long recordId, int failAt, Instant start) {
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < AGENT_SUBS.size(); i++) {
			events.add(event(recordId, i, "RUNNING", start.plusSeconds(i * 10L)));
			if (i == failAt) {
				events.add(event(recordId, i, "FAILED", start.plusSeconds(i * 10L + 5), "[x ERROR] failed at " + i));
				return events;
			}
			events.add(event(recordId, i, "SUCCESS", start.plusSeconds(i * 10L + 5), "[x INFO] done " + i));
		}
		return events;
	}

	/** The record of an instance in a task. */
	public long recordId(long taskId, String instanceId) {
		return this.jdbc.sql("SELECT id FROM instance_record WHERE task_id = :taskId AND instance_id = :instanceId")
			.param("taskId", taskId)
			.param("instanceId", instanceId)
			.query(Long.class)
			.single();
	}

	public JsonMapper json() {
		return this.json;
	}

}
