package io.subwatch.result;

import java.util.List;

import io.subwatch.records.RecordScope;
import io.subwatch.records.LatestRecords;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.Task;

/**
 * A resolved task_result request: whose records, which base set, and its global counter.
 *
 * @param tasks the tasks named by task_id_list (else the newest), as read while resolving: their rows need not read
 * their pipeline id again
 * @param latest the base set worked out in memory when it spans several tasks, else null
 */
record Selection(Subscription subscription, List<Task> tasks, RecordScope scope, StatusCounts counter,
		LatestRecords latest) {
}
