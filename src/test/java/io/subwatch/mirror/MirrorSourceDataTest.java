package io.subwatch.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source whose data breaks the rules every writer keeps (an unknown object type, an unknown step type, an instance
 * id with a space): each such subscription is refused with the rule named, nothing of it is half written, and the
 * source's other subscriptions are mirrored in the same sync, which counts as completed (no back-off).
 */
@IntegrationTest
class MirrorSourceDataTest {

	/** Unique per run: the MySQL database outlives runs. */
	private static final String SOURCE = "faulty-" + UUID.randomUUID().toString().substring(0, 8);

	private static final long BIZ = 700_000 + (System.nanoTime() & 0xffff);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static HttpServer server;

	@Autowired
	MirrorSync sync;

	@Autowired
	MirrorDao dao;

	@Autowired
	MirrorNotices notices;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void startSource(DynamicPropertyRegistry registry) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/backend/api/subscription/", (exchange) -> {
			JsonNode params;
			try (InputStream in = exchange.getRequestBody()) {
				params = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			String path = exchange.getRequestURI().getPath();
			Object data = path.endsWith("/info/") ? infos(params) : taskResult(params.get("subscription_id").asLong());
			byte[] body = JSON.writeValueAsBytes(Map.of("result", true, "code", 0, "message", "", "data", data));
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		registry.add("subwatch.mirror.sources[0].name", () -> SOURCE);
		registry.add("subwatch.mirror.sources[0].base-url", () -> "http://127.0.0.1:" + server.getAddress().getPort());
		registry.add("subwatch.mirror.sources[0].app-code", () -> "faulty");
		registry.add("subwatch.mirror.sources[0].app-secret", () -> "faulty-secret");
		for (int i = 0; i < 4; i++) {
			int id = i + 1;
			registry.add("subwatch.mirror.sources[0].subscription-ids[" + i + "]", () -> id);
		}
		registry.add("subwatch.mirror.sources[0].max-requests-per-second", () -> 1000);
	}

	@AfterAll
	static void stopSource() {
		server.stop(0);
	}

	/** Subscription 1 has an unknown object type, 4 an unknown step type; 2 and 3 are well declared. */
	private static List<Object> infos(JsonNode params) {
		List<Object> list = new ArrayList<>();
		for (JsonNode id : params.get("subscription_id_list")) {
			long sourceId = id.asLong();
			String objectType = (sourceId == 1) ? "FOO" : "HOST";
			String stepType = (sourceId == 4) ? "SCRIPT" : "AGENT";
			list.add(Map.of("id", sourceId, "name", "policy " + sourceId, "enable", true,
					"scope", Map.of("bk_biz_id", BIZ, "object_type", objectType, "node_type", "INSTANCE"),
					"steps", List.of(Map.of("id", "agent", "type", stepType))));
		}
		return list;
	}

	/** One finished host per subscription; subscription 3's instance id has a space, which no id may have. */
	private static Map<String, Object> taskResult(long sourceId) {
		String instanceId = (sourceId == 3) ? "host|instance|host|3 1" : "host|instance|host|" + (sourceId * 1000 + 1);
		Map<String, Object> subStep = Map.of("node_name", "Install", "status", "SUCCESS", "start_time",
				"2026-12-01 10:00:01", "finish_time", "2026-12-01 10:00:05", "log", "installed");
		Map<String, Object> row = Map.of("record_id", sourceId * 10 + 1, "task_id", sourceId * 10, "instance_id",
				instanceId, "status", "SUCCESS", "create_time", "2026-12-01 10:00:00", "instance_info",
				Map.of("host", Map.of("bk_host_id", sourceId * 1000 + 1, "bk_host_innerip", "10.0.0." + sourceId,
						"bk_cloud_id", 0, "bk_biz_id", BIZ)),
				"steps", List.of(Map.of("id", "agent", "action", "INSTALL", "node_name", "[agent] INSTALL",
						"target_hosts", List.of(Map.of("sub_steps", List.of(subStep))))));
		return Map.of("total", 1, "status_counter", Map.of("SUCCESS", 1, "total", 1), "list", List.of(row));
	}

	@Test
	void refusesWhatBreaksTheRulesNamingItAndMirrorsTheRest() {
		MirrorState state = this.sync.sync(SOURCE);

		assertThat(state.completed()).isTrue();
		String[] lines = state.lastError().split("\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).isEqualTo("subscription 1: object_type must be one of HOST, SERVICE, got FOO");
		assertThat(lines[1]).startsWith("subscription 3: instances[0].instance_id ").contains("contains whitespace");
		assertThat(lines[2]).isEqualTo("subscription 4: steps[0].type must be one of AGENT, PLUGIN, PROXY, got SCRIPT");
		assertThat(this.dao.findSubscription(SOURCE, 1)).isEmpty();
		assertThat(this.dao.findSubscription(SOURCE, 4)).isEmpty();

		long good = this.dao.findSubscription(SOURCE, 2).orElseThrow();
		assertThat(statuses(good)).containsExactly("SUCCESS");
		assertThat(this.notices.forSubscription(good).orElseThrow().lastError()).isNull();

		// The subscription whose host was refused keeps no half-written host, and its page says why.
		long refused = this.dao.findSubscription(SOURCE, 3).orElseThrow();
		assertThat(statuses(refused)).isEmpty();
		assertThat(this.notices.forSubscription(refused).orElseThrow().lastError())
			.startsWith("subscription 3: instances[0].instance_id");

		// The next sync refuses the same again and adds nothing twice.
		MirrorState again = this.sync.sync(SOURCE);
		assertThat(again.completed()).isTrue();
		assertThat(again.lastError()).isEqualTo(state.lastError());
		assertThat(statuses(good)).containsExactly("SUCCESS");
		assertThat(statuses(refused)).isEmpty();
	}

	private List<String> statuses(long subscriptionId) {
		return this.jdbc.sql("SELECT status FROM instance_record WHERE subscription_id = :id ORDER BY id")
			.param("id", subscriptionId)
			.query(String.class)
			.list();
	}

}
