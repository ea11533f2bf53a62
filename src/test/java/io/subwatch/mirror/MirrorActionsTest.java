package io.subwatch.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpServer;
import io.subwatch.subscription.SourceActions;
import io.subwatch.system.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * An action sent to a source: the source's subscription id replaces the local one, the answer comes back as plain
 * values, and a refusal keeps the source's code only where it means the same here.
 */
class MirrorActionsTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private HttpServer server;

	private volatile String answer;

	private volatile String request;

	private MirrorActions actions;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/backend/api/subscription/", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				this.request = exchange.getRequestURI().getPath() + " " + new String(in.readAllBytes(),
						StandardCharsets.UTF_8);
			}
			byte[] body = this.answer.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
		MirrorProperties.Source source = new MirrorProperties.Source("nm", "http://127.0.0.1:"
				+ this.server.getAddress().getPort(), "app", "secret", "admin", List.of(1201L), List.of(),
				Duration.ofSeconds(10), 100, ZoneId.of("Asia/Shanghai"));
		MirrorDao dao = mock(MirrorDao.class);
		when(dao.findSourceSubscription(17)).thenReturn(Optional.of(new MirrorDao.SourceSubscriptionRef("nm", 1201)));
		when(dao.findSourceSubscription(18))
			.thenReturn(Optional.of(new MirrorDao.SourceSubscriptionRef("gone", 55)));
		MirrorSync sync = mock(MirrorSync.class);
		when(sync.findSource("nm")).thenReturn(Optional.of(source));
		when(sync.findSource("gone")).thenReturn(Optional.empty());
		when(sync.client(source)).thenReturn(new NodemanClient(source, this.json));
		this.actions = new MirrorActions(dao, sync, this.json);
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void sendsTheSourcesIdAndReturnsItsAnswer() {
		this.answer = "{\"result\": true, \"code\": 0, \"message\": \"success\", \"data\": {\"task_id\": 812}}";
		SourceActions.Forwarded forwarded = this.actions.send(17, "retry",
				Map.of("instance_id_list", List.of("host|instance|host|5")));
		assertThat(this.request).startsWith("/backend/api/subscription/retry/ ")
			.contains("\"subscription_id\":1201", "\"instance_id_list\":[\"host|instance|host|5\"]");
		assertThat(forwarded.source()).isEqualTo("nm");
		assertThat(forwarded.sourceSubscriptionId()).isEqualTo(1201);
		assertThat(forwarded.taskId()).contains(812L);
		assertThat(forwarded.answer()).isEqualTo(Map.of("task_id", 812));
	}

	@Test
	void refusalsKeepTheSourcesCodeOnlyWhereItMeansTheSameHere() {
		this.answer = "{\"result\": false, \"code\": 3800007, \"message\": \"nothing to retry\", \"data\": null}";
		assertThatThrownBy(() -> this.actions.send(17, "retry_node", Map.of("instance_id", "x")))
			.isInstanceOfSatisfying(SourceActions.Refused.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo(ErrorCode.RECORD_NOT_EXIST);
				assertThat(ex.source()).isEqualTo("nm");
			})
			.hasMessageContaining("nm", "1201", "nothing to retry");
		// the source refusing the mirror's credentials is not the caller's 401
		this.answer = "{\"result\": false, \"code\": 3800401, \"message\": \"who are you\", \"data\": null}";
		assertThatThrownBy(() -> this.actions.send(17, "revoke", Map.of()))
			.isInstanceOfSatisfying(SourceActions.Refused.class,
					(ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SOURCE_FAILED))
			.hasMessageContaining("who are you");
		this.answer = "<html>502 Bad Gateway</html>";
		assertThatThrownBy(() -> this.actions.send(17, "revoke", Map.of()))
			.isInstanceOfSatisfying(SourceActions.Refused.class,
					(ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SOURCE_FAILED))
			.hasMessageContaining("not JSON");
		assertThatThrownBy(() -> this.actions.send(18, "retry", Map.of()))
			.isInstanceOfSatisfying(SourceActions.Refused.class,
					(ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SOURCE_FAILED))
			.hasMessageContaining("no longer configured");
	}

}
