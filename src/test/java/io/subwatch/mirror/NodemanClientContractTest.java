package io.subwatch.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.InstanceRequest;
import io.subwatch.ingest.ReportedEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client and the row translation against recorded NodeMan answers in the shapes of the seed document: the legacy
 * bare list, {@code YYYY-MM-DD HH:MM:SS} times in the source's zone, sub-steps without {@code log} or
 * {@code step_code}, a step without {@code target_hosts}, error envelopes and answers that are not NodeMan's.
 */
class NodemanClientContractTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();

	private HttpServer server;

	private volatile String answer;

	private volatile int httpStatus = 200;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/backend/api/subscription/", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				this.requests.add(exchange.getRequestURI().getPath() + " "
						+ exchange.getRequestHeaders().getFirst("X-Bkapi-Authorization") + " "
						+ new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			byte[] body = this.answer.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(this.httpStatus, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private NodemanClient client(double perSecond) {
		return new NodemanClient(source(List.of(), perSecond), this.json);
	}

	private MirrorProperties.Source source(List<Long> bizIds, double perSecond) {
		return new MirrorProperties.Source("nodeman", "http://127.0.0.1:" + this.server.getAddress().getPort() + "/",
				"esb_test", "xxx", "admin", List.of(1L), bizIds, Duration.ofSeconds(10), perSecond,
				ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void listsThePoliciesOfTheBusinessesAndNothingWhereTheSourceCannot() {
		this.answer = """
				{"result": true, "code": 0, "message": "", "data": {"total": 2, "list": [
				  {"id": 31, "name": "日志采集", "plugin_name": "bkunifylogbeat", "bk_biz_scope": [2, 3],
				   "update_time": "2020-07-26 19:17:56", "creator": "admin", "enable": true, "expand": false},
				  {"id": 12, "name": "basereport", "plugin_name": "basereport", "bk_biz_scope": [2],
				   "update_time": "2020-07-26 19:17:56", "creator": "admin", "enable": false, "expand": false}]}}
				""";
		MirrorProperties.Source source = source(List.of(2L, 3L), 100);
		NodemanClient client = new NodemanClient(source, this.json);
		SourceListing listing = new SourceListing();
		assertThat(listing.byBusiness(source, client)).containsExactly(12L, 31L);
		assertThat(this.requests.poll()).startsWith("/backend/api/subscription/search_deploy_policy/ ")
			.contains("\"bk_biz_ids\":[2,3]", "\"only_root\":false", "\"page\":1", "\"pagesize\":500");
		// a NodeMan without the endpoint (Django's 404 page), or a subwatch refusing it: nothing listed, no failure
		this.httpStatus = 404;
		this.answer = "<h1>Not Found</h1>";
		assertThat(listing.byBusiness(source, client)).isEmpty();
		this.httpStatus = 200;
		this.answer = "{\"result\": false, \"code\": 3800501, \"message\": \"not offered\", \"data\": null}";
		assertThat(listing.byBusiness(source, client)).isEmpty();
		// refused credentials fail the sync as any request does
		this.answer = "{\"result\": false, \"code\": 3800401, \"message\": \"who?\", \"data\": null}";
		assertThatThrownBy(() -> listing.byBusiness(source, client)).isInstanceOf(NodemanException.class);
		// without bk-biz-ids nothing is asked
		long before = client.requests();
		assertThat(listing.byBusiness(source(List.of(), 100), client)).isEmpty();
		assertThat(client.requests()).isEqualTo(before);
	}

	@Test
	void readsTheLegacyBareListWithStringTimesAndMissingKeys() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/mirror/legacy-task-result.json")) {
			this.answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		NodemanClient client = client(100);
		NodemanClient.TaskPage page = client.taskResult(Map.of("subscription_id", 1, "pagesize", -1));
		assertThat(page.total()).isEqualTo(1);
		assertThat(page.counter()).isNull();
		assertThat(TaskMirror.counters(page)).isEqualTo("total=1");
		assertThat(client.requests()).isEqualTo(1);
		String request = this.requests.poll();
		assertThat(request).startsWith("/backend/api/subscription/task_result/ ")
			.contains("{\"bk_app_code\":\"esb_test\",\"bk_app_secret\":\"xxx\",\"bk_username\":\"admin\"}",
					"\"subscription_id\":1", "\"pagesize\":-1");

		JsonNode row = page.rows().get(0);
		assertThat(SourceRows.recordId(row)).isEqualTo(1);
		assertThat(SourceRows.instanceId(row)).isEqualTo("host|instance|host|127.0.0.1-0-0");
		InstanceRequest instance = SourceRows.instance(row, new IngestRequests(this.json, Clock.systemUTC()));
		assertThat(instance.steps().get(0).subSteps()).hasSize(3);
		assertThat(instance.steps().get(0).subSteps().get(1).nodeName()).isEqualTo("安装");
		assertThat(instance.steps().get(0).subSteps().get(1).stepCode()).isNull();
		// A step without target_hosts stands for one sub-step named after it.
		assertThat(instance.steps().get(1).subSteps().get(0).nodeName()).isEqualTo("[bkmonitorbeat] 部署插件程序");
		assertThat(instance.info().innerIp()).isEqualTo("127.0.0.1");

		List<ReportedEvent> events = SourceRows.events(row, 42, ZoneId.of("Asia/Shanghai"));
		assertThat(events).extracting((e) -> e.subStep() + " " + e.status() + " " + e.time())
			.containsExactly("0 RUNNING 2020-12-23T08:46:01Z", "0 SUCCESS 2020-12-23T08:46:01Z",
					"1 RUNNING 2020-12-23T08:46:01Z", "1 FAILED 2020-12-23T08:46:32Z");
		assertThat(events.get(3).log()).isEqualTo("[2020-12-23 16:46:32 ERROR] ssh: connection refused");
		assertThat(events.get(3).recordId()).isEqualTo(42L);
		assertThat(events.get(3).stepId()).isEqualTo("agent");
		assertThat(events.get(1).log()).isNull();
	}

	@Test
	void readsTheObjectFormWithItsCounter() {
		this.answer = """
				{"result": true, "code": 0, "message": "success",
				 "data": {"total": 3, "list": [{"task_id": 7, "record_id": "12", "instance_id": "host|instance|host|5",
				          "status": "RUNNING", "steps": []}], "status_counter": {"SUCCESS": 2, "RUNNING": 1, "total": 3}}}
				""";
		NodemanClient.TaskPage page = client(100).taskResult(Map.of("subscription_id", 1, "pagesize", 1));
		assertThat(page.total()).isEqualTo(3);
		assertThat(TaskMirror.counters(page)).isEqualTo("total=3,RUNNING=1,SUCCESS=2,total=3");
		assertThat(SourceRows.taskId(page.rows().get(0))).isEqualTo(7);
		assertThat(SourceRows.recordId(page.rows().get(0))).isEqualTo(12);
	}

	@Test
	void refusalsAndGarbageBecomeReadableErrors() {
		this.answer = "{\"result\": false, \"code\": 3800015, \"message\": \"任务未准备好（3800015）\", \"data\": null}";
		assertThatThrownBy(() -> client(100).call("task_result", Map.of("subscription_id", 1)))
			.isInstanceOfSatisfying(NodemanException.class, (ex) -> assertThat(ex.code()).isEqualTo(3800015))
			.hasMessageContaining("任务未准备好");
		this.httpStatus = 401;
		this.answer = "<html><body>Login required</body></html>";
		assertThatThrownBy(() -> client(100).call("info", Map.of()))
			.isInstanceOfSatisfying(NodemanException.class, (ex) -> assertThat(ex.code()).isZero())
			.hasMessageContaining("HTTP 401")
			.hasMessageContaining("not JSON");
		this.httpStatus = 200;
		this.answer = "{\"data\": []}";
		assertThatThrownBy(() -> client(100).call("info", Map.of())).hasMessageContaining("without the NodeMan envelope");
	}

	@Test
	void timesInTheSourceZoneAndWithOffsetsBecomeIso() {
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		assertThat(SourceTime.toIso("2020-12-23 16:46:01", shanghai)).isEqualTo("2020-12-23T16:46:01+08:00");
		assertThat(SourceTime.toIso("2020-12-23T16:46:01.123", ZoneId.of("UTC"))).isEqualTo("2020-12-23T16:46:01.123Z");
		assertThat(SourceTime.toIso("2020-12-23T16:46:01+02:00", shanghai)).isEqualTo("2020-12-23T16:46:01+02:00");
		assertThat(SourceTime.toIso("", shanghai)).isNull();
		assertThat(SourceTime.toIso(null, shanghai)).isNull();
		assertThatThrownBy(() -> SourceTime.toIso("yesterday", shanghai)).isInstanceOf(NodemanException.class)
			.hasMessageContaining("yesterday");
	}

	@Test
	void staysWithinTheRequestsPerSecond() {
		this.answer = "{\"result\": true, \"code\": 0, \"message\": \"success\", \"data\": []}";
		NodemanClient client = client(20);
		long start = System.nanoTime();
		for (int i = 0; i < 5; i++) {
			client.call("info", Map.of());
		}
		// five requests at 20 per second: the last one waits for its slot 4 × 50 ms after the first
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(client.requests()).isEqualTo(5);
	}

}
