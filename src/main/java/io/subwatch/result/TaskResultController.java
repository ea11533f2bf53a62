package io.subwatch.result;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

import io.subwatch.security.Access;
import io.subwatch.system.ApiResponse;
import io.subwatch.system.LockRetry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * task_result and its neighbours under every URL real clients use (spec section 1), GET and POST, with and without
 * the trailing slash.
 */
@RestController
class TaskResultController {

	private final TaskResultService taskResult;

	private final TaskResultDetailService detail;

	private final OperatorActions actions;

	private final JsonMapper json;

	private final LockRetry lockRetry;

	TaskResultController(TaskResultService taskResult, TaskResultDetailService detail, OperatorActions actions,
			JsonMapper json, LockRetry lockRetry) {
		this.lockRetry = lockRetry;
		this.taskResult = taskResult;
		this.detail = detail;
		this.actions = actions;
		this.json = json;
	}

	@RequestMapping(path = { "/backend/api/subscription/task_result", "/backend/api/subscription/task_result/",
			"/system/backend/api/subscription/task_result", "/system/backend/api/subscription/task_result/",
			"/v2/nodeman/backend/api/subscription/task_result", "/v2/nodeman/backend/api/subscription/task_result/",
			"/api/bk-nodeman/{stage}/system/backend/api/subscription/task_result",
			"/api/bk-nodeman/{stage}/system/backend/api/subscription/task_result/",
			"/api/c/compapi/v2/nodeman/subscription_task_result", "/api/c/compapi/v2/nodeman/subscription_task_result/",
			"/v2/nodeman/subscription_task_result", "/v2/nodeman/subscription_task_result/" },
			method = { RequestMethod.GET,
					RequestMethod.POST })
	void taskResult(HttpServletRequest request, HttpServletResponse response, Access access) {
		TaskResultParams params = params(request).taskResultParams();
		this.taskResult.write(params, access, output(response));
	}

	@RequestMapping(path = { "/backend/api/subscription/task_result_detail",
			"/backend/api/subscription/task_result_detail/", "/system/backend/api/subscription/task_result_detail",
			"/system/backend/api/subscription/task_result_detail/",
			"/v2/nodeman/backend/api/subscription/task_result_detail",
			"/v2/nodeman/backend/api/subscription/task_result_detail/",
			"/api/bk-nodeman/{stage}/system/backend/api/subscription/task_result_detail",
			"/api/bk-nodeman/{stage}/system/backend/api/subscription/task_result_detail/",
			"/api/c/compapi/v2/nodeman/subscription_task_result_detail",
			"/api/c/compapi/v2/nodeman/subscription_task_result_detail/" },
			method = { RequestMethod.GET,
					RequestMethod.POST })
	void taskResultDetail(HttpServletRequest request, HttpServletResponse response, Access access) {
		this.detail.write(params(request), access, output(response));
	}

	@PostMapping(path = { "/backend/api/subscription/retry", "/backend/api/subscription/retry/",
			"/system/backend/api/subscription/retry", "/system/backend/api/subscription/retry/",
			"/v2/nodeman/backend/api/subscription/retry", "/v2/nodeman/backend/api/subscription/retry/",
			"/api/bk-nodeman/{stage}/system/backend/api/subscription/retry",
			"/api/bk-nodeman/{stage}/system/backend/api/subscription/retry/" })
	ApiResponse retry(HttpServletRequest request, Access access) {
		ParamReader params = params(request);
		OperatorActions.Retried retried = this.lockRetry.run(() -> this.actions.retry(
				params.requireLong("subscription_id"), params.stringListOrAll("instance_id_list"),
				params.taskIdList(), access));
		return ApiResponse.ok(Map.of("task_id", retried.taskId(), "instance_count", retried.instanceCount()));
	}

	@PostMapping(path = { "/backend/api/subscription/revoke", "/backend/api/subscription/revoke/",
			"/system/backend/api/subscription/revoke", "/system/backend/api/subscription/revoke/",
			"/v2/nodeman/backend/api/subscription/revoke", "/v2/nodeman/backend/api/subscription/revoke/",
			"/api/bk-nodeman/{stage}/system/backend/api/subscription/revoke",
			"/api/bk-nodeman/{stage}/system/backend/api/subscription/revoke/" })
	ApiResponse revoke(HttpServletRequest request, Access access) {
		ParamReader params = params(request);
		int terminated = this.lockRetry.run(() -> this.actions.revoke(params.requireLong("subscription_id"),
				params.stringListOrAll("instance_id_list"), params.optionalText("reason", 500), access));
		return ApiResponse.ok(Map.of("terminated", terminated));
	}

	/** Query parameters, overlaid by the JSON body when there is one. */
	private ParamReader params(HttpServletRequest request) {
		ParamReader query = ParamReader.ofQuery(request.getParameterMap(), this.json);
		JsonNode body = BodyReader.read(request, this.json);
		return (body != null) ? ParamReader.of(body).withFallback(query) : query;
	}

	private static Supplier<OutputStream> output(HttpServletResponse response) {
		return () -> {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			try {
				return response.getOutputStream();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

}
