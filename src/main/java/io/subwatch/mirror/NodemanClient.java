package io.subwatch.mirror;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * NodeMan's subscription API as a source answers it: POSTs JSON to {@code <base-url>/backend/api/subscription/<name>/}
 * with the credentials in {@code X-Bkapi-Authorization}, paced to the source's {@code max-requests-per-second}, and
 * unwraps the envelope. Tolerant of the legacy forms: {@code data} as a bare list, missing optional keys.
 */
class NodemanClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final MirrorProperties.Source source;

	private final HttpClient http;

	private final JsonMapper json;

	private final RequestPacer pacer;

	private final String authorization;

	private final AtomicLong requests = new AtomicLong();

	NodemanClient(MirrorProperties.Source source, JsonMapper json) {
		this.source = source;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		this.pacer = new RequestPacer(source.maxRequestsPerSecond());
		Map<String, String> credentials = new LinkedHashMap<>();
		credentials.put("bk_app_code", nullToEmpty(source.appCode()));
		credentials.put("bk_app_secret", nullToEmpty(source.appSecret()));
		credentials.put("bk_username", nullToEmpty(source.username()));
		this.authorization = json.writeValueAsString(credentials);
	}

	/** Requests sent so far. */
	long requests() {
		return this.requests.get();
	}

	/** One page of task_result: {@code counter} is null when the source answered the bare list. */
	record TaskPage(long total, JsonNode counter, List<JsonNode> rows) {
	}

	/** {@code task_result} with the given parameters, whichever form the source answers. */
	TaskPage taskResult(Map<String, Object> params) {
		JsonNode data = call("task_result", params);
		if (data.isArray()) {
			return new TaskPage(data.size(), null, list(data));
		}
		if (!data.isObject()) {
			throw new NodemanException(0, "task_result answered data that is neither a list nor an object");
		}
		JsonNode list = data.get("list");
		List<JsonNode> rows = (list != null && list.isArray()) ? list(list) : List.of();
		JsonNode total = data.get("total");
		JsonNode counter = data.get("status_counter");
		return new TaskPage((total != null && total.isNumber()) ? total.asLong() : rows.size(),
				(counter != null && counter.isObject()) ? counter : null, rows);
	}

	/** The {@code data} of {@code <name>} called with {@code params}; a {@code result: false} answer throws. */
	JsonNode call(String name, Map<String, Object> params) {
		this.pacer.acquire();
		this.requests.incrementAndGet();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.source.baseUrl() + "/backend/api/subscription/" + name + "/"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-Bkapi-Authorization", this.authorization)
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(params)))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new NodemanException(this.source.name() + " is unreachable (" + name + "): " + describe(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NodemanException("interrupted while calling " + this.source.name(), ex);
		}
		return envelope(name, response.statusCode(), response.body());
	}

	private JsonNode envelope(String name, int status, String body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new NodemanException(0, name + " answered HTTP " + status + " with something that is not JSON: "
					+ SourceTime.abbreviate(String.valueOf(body)));
		}
		if (root == null || !root.isObject() || !root.has("result")) {
			throw new NodemanException(0, name + " answered HTTP " + status + " without the NodeMan envelope: "
					+ SourceTime.abbreviate(String.valueOf(body)));
		}
		if (!root.get("result").asBoolean(false)) {
			JsonNode code = root.get("code");
			JsonNode message = root.get("message");
			throw new NodemanException((code != null && code.canConvertToInt()) ? code.asInt() : 0,
					name + " answered HTTP " + status + ": "
							+ ((message != null) ? message.asString() : "result false without a message"));
		}
		JsonNode data = root.get("data");
		return (data == null) ? NullNode.getInstance() : data;
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> rows = new ArrayList<>(array.size());
		array.forEach(rows::add);
		return rows;
	}

	/** The first message in the cause chain (a refused connection has none of its own), with the exception's kind. */
	private static String describe(IOException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				return cause.getMessage() + " (" + cause.getClass().getSimpleName() + ")";
			}
		}
		return ex.getClass().getSimpleName();
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
