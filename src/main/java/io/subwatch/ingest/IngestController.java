package io.subwatch.ingest;

import java.util.List;
import java.util.Map;

import io.subwatch.security.Access;
import io.subwatch.subscription.TaskDao;
import io.subwatch.system.ApiException;
import io.subwatch.system.ApiResponse;
import io.subwatch.system.LockRetry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reporting API of {@code ../shared/spec/ingest.md}. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "reporting API", description = "How executors report subscriptions, tasks, instances and events")
class IngestController {

	private final IngestService ingest;

	private final EventService events;

	private final LockRetry lockRetry;

	private final IngestRequests requests;

	IngestController(IngestService ingest, EventService events, LockRetry lockRetry, IngestRequests requests) {
		this.requests = requests;
		this.ingest = ingest;
		this.events = events;
		this.lockRetry = lockRetry;
	}

	@PostMapping("/subscriptions")
	@Operation(summary = "Create a subscription with its steps; returns subscription_id")
	ApiResponse createSubscription(@RequestBody JsonNode body, Access access) {
		SubscriptionRequest request = this.requests.subscription(body);
		return ApiResponse
			.ok(Map.of("subscription_id", this.lockRetry.run(() -> this.ingest.createSubscription(request, access))));
	}

	@PostMapping("/subscriptions/{subscriptionId}/tasks")
	@Operation(summary = "Create a task of the subscription with its instances and steps")
	ApiResponse createTask(@PathVariable long subscriptionId, @RequestBody JsonNode body, Access access) {
		TaskRequest request = this.requests.task(body);
		return ApiResponse.ok(this.lockRetry.run(() -> this.ingest.createTask(subscriptionId, request, access)));
	}

	@PostMapping("/tasks/{taskId}/instances")
	@Operation(summary = "Add instances to a task that is not ready yet")
	ApiResponse addInstances(@PathVariable long taskId, @RequestBody JsonNode body, Access access) {
		List<InstanceRequest> instances = this.requests.instances(body);
		return ApiResponse.ok(this.lockRetry.run(() -> this.ingest.addInstances(taskId, instances, access)));
	}

	@PostMapping("/tasks/{taskId}/ready")
	@Operation(summary = "Mark a task ready (or failed at creation, with an error)")
	ApiResponse ready(@PathVariable long taskId, @RequestBody(required = false) JsonNode body, Access access) {
		String error = this.requests.readyError(body);
		this.lockRetry.run(() -> {
			this.ingest.markReady(taskId, error, access);
			return taskId;
		});
		return ApiResponse.ok(Map.of("task_id", taskId));
	}

	@GetMapping("/tasks")
	@Operation(summary = "Tasks that still have PENDING records, oldest first (for executors picking up retries)")
	ApiResponse pendingTasks(@RequestParam(defaultValue = "true") boolean pending,
			@RequestParam(name = "subscription_id", required = false) Long subscriptionId,
			@RequestParam(defaultValue = "100") int limit, Access access) {
		if (!pending) {
			throw ApiException.invalid("pending: only pending=true is supported");
		}
		if (limit < 1 || limit > 1000) {
			throw ApiException.invalid("limit must be between 1 and 1000, got " + limit);
		}
		List<TaskDao.PendingTask> tasks = this.ingest.pendingTasks(subscriptionId, limit, access);
		return ApiResponse.ok(tasks);
	}

	@PostMapping("/events")
	@Operation(summary = "Apply a batch of step and instance events")
	ApiResponse events(@RequestBody JsonNode body, Access access) {
		// a batch applied twice changes nothing the second time: it is also sent again after a lost connection
		EventBatch batch = this.requests.events(body);
		return ApiResponse.ok(this.lockRetry.runIdempotent(() -> this.events.apply(batch, access)));
	}

}
