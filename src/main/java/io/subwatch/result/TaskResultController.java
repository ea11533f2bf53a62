package io.subwatch.result;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.subwatch.security.Access;
import io.subwatch.subscription.SourceActions;
import io.subwatch.system.ApiException;
import io.subwatch.system.ApiResponse;
import io.subwatch.system.ErrorCode;
import io.subwatch.system.JsonFields;
import io.subwatch.system.LockRetry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * task_result and its neighbours under every URL real clients use (spec section 1), with and without the trailing
 * slash: one mapping takes {@code <prefix>/<name>} for every prefix, and {@link SubscriptionEndpoint} says what each
 * name is, which methods it takes, or that it manages subscriptions and subwatch does not offer it.
 */
@RestController
class TaskResultController {

	private final TaskResultService taskResult;

	private final TaskResultDetailService detail;

	private final OperatorActions actions;

	private final NodeRetry nodeRetry;

	private final SelectionResolver resolver;

	private final InfoService info;

	private final StatisticService statistic;

	private final InstanceStatusService instanceStatus;

	private final JsonMapper json;

	private final LockRetry lockRetry;

	private final SourceActions sources;

	private final DeployPolicySearch policies;

	TaskResultController(TaskResultService taskResult, TaskResultDetailService detail, OperatorActions actions,
			NodeRetry nodeRetry, SelectionResolver resolver, InfoService info, StatisticService statistic,
			InstanceStatusService instanceStatus, JsonMapper json, LockRetry lockRetry, SourceActions sources,
			DeployPolicySearch policies) {
		this.taskResult = taskResult;
		this.detail = detail;
		this.actions = actions;
		this.nodeRetry = nodeRetry;
		this.resolver = resolver;
		this.info = info;
		this.statistic = statistic;
		this.instanceStatus = instanceStatus;
		this.json = json;
		this.lockRetry = lockRetry;
		this.sources = sources;
		this.policies = policies;
	}

	@RequestMapping(path = { "/backend/api/subscription/{name}", "/backend/api/subscription/{name}/",
			"/system/backend/api/subscription/{name}", "/system/backend/api/subscription/{name}/",
			"/v2/nodeman/backend/api/subscription/{name}", "/v2/nodeman/backend/api/subscription/{name}/",
			"/api/bk-nodeman/{stage}/system/backend/api/subscription/{name}",
			"/api/bk-nodeman/{stage}/system/backend/api/subscription/{name}/",
			"/api/c/compapi/v2/nodeman/backend/api/subscription/{name}",
			"/api/c/compapi/v2/nodeman/backend/api/subscription/{name}/",
			"/api/c/compapi/v2/nodeman/subscription_{name}", "/api/c/compapi/v2/nodeman/subscription_{name}/",
			"/v2/nodeman/subscription_{name}", "/v2/nodeman/subscription_{name}/" })
	ApiResponse answer(@PathVariable String name, HttpServletRequest request, HttpServletResponse response,
			Access access) {
		SubscriptionEndpoint endpoint = SubscriptionEndpoint.byPath(name).orElse(null);
		if (endpoint == null) {
			// NodeMan has no such endpoint either: a 404, but in the envelope and saying what there is
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return ApiResponse.error(ErrorCode.VALIDATION, "no endpoint subscription/" + JsonFields.abbreviate(name)
					+ "; subwatch answers " + String.join(", ", SubscriptionEndpoint.answered()));
		}
		if (!endpoint.supported()) {
			throw new ApiException(ErrorCode.NOT_SUPPORTED, "subscription/" + name + " manages subscriptions in"
					+ " NodeMan; subwatch only reports results of work done elsewhere, so it does not offer it (it"
					+ " answers " + String.join(", ", SubscriptionEndpoint.answered()) + ")");
		}
		if (!endpoint.allows(request.getMethod())) {
			// as UnknownApiController answers a wrong method elsewhere: 3800405 in the envelope, HTTP 200
			response.setHeader("Allow", endpoint.allowedMethods().replace(" or ", ", "));
			throw new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "method " + JsonFields.abbreviate(request.getMethod())
					+ " is not allowed on subscription/" + endpoint.path() + "; use "
					+ endpoint.allowedMethods());
		}
		ParamReader params = params(request);
		return switch (endpoint) {
			case TASK_RESULT -> {
				this.taskResult.write(params.taskResultParams(), access, output(response));
				yield null;
			}
			case TASK_RESULT_DETAIL -> {
				this.detail.write(params, access, output(response));
				yield null;
			}
			case RETRY -> retry(params, access);
			case REVOKE -> revoke(params, access);
			case RETRY_NODE -> ApiResponse.ok(this.lockRetry.run(() -> this.nodeRetry.retry(
					params.requireLong("subscription_id"), params.requireText("instance_id", 255), access)));
			case CHECK_TASK_READY -> ApiResponse.ok(this.resolver.checkTaskReady(params.requireLong("subscription_id"),
					params.taskIdList(), access));
			case INFO -> {
				this.info.write(params.subscriptionIdList(), params.optionalBoolean("show_deleted", false), access,
						output(response));
				yield null;
			}
			case STATISTIC -> ApiResponse.ok(this.statistic.statistic(params.subscriptionIdList(), access));
			case INSTANCE_STATUS -> {
				this.instanceStatus.write(params.subscriptionIdList(),
						params.optionalBoolean("show_task_detail", false), access, output(response));
				yield null;
			}
			case SEARCH_DEPLOY_POLICY -> ApiResponse.ok(this.policies.search(params, access));
			default -> throw new IllegalStateException("endpoint without a handler: " + endpoint);
		};
	}

	private ApiResponse retry(ParamReader params, Access access) {
		OperatorActions.Retried retried = this.lockRetry.run(() -> this.actions.retry(
				params.requireLong("subscription_id"), params.stringListOrAll("instance_id_list"),
				params.taskIdList(), access));
		if (retried.forwarded() != null) {
			return ApiResponse.ok(forwarded(retried.forwarded(), Map.of("instance_count", retried.instanceCount())));
		}
		return ApiResponse.ok(Map.of("task_id", retried.taskId(), "instance_count", retried.instanceCount()));
	}

	private ApiResponse revoke(ParamReader params, Access access) {
		long subscriptionId = params.requireLong("subscription_id");
		int terminated = this.lockRetry.run(() -> this.actions.revoke(subscriptionId,
				params.stringListOrAll("instance_id_list"), params.optionalText("reason", 500), access));
		Optional<String> source = this.sources.sourceOf(subscriptionId);
		if (source.isPresent()) {
			// the source took it; the hosts show as terminated here with the next sync
			return ApiResponse.ok(Map.of("terminated", terminated, "mirrored_from", source.get()));
		}
		return ApiResponse.ok(Map.of("terminated", terminated));
	}

	/**
	 * The answer to an action a source did: its task ({@code source_task_id}, known here as {@code task_id} only
	 * after the next sync, so null), the source's name and its whole answer.
	 */
	private static Map<String, Object> forwarded(SourceActions.Forwarded forwarded, Map<String, Object> local) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("task_id", null);
		answer.putAll(local);
		answer.put("source_task_id", forwarded.taskId().orElse(null));
		answer.put("mirrored_from", forwarded.source());
		answer.put("source_answer", forwarded.answer());
		return answer;
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
