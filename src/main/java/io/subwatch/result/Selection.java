package io.subwatch.result;

import io.subwatch.records.RecordScope;
import io.subwatch.records.LatestRecords;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Subscription;

/**
 * A resolved task_result request: whose records, which base set, and its global counter.
 *
 * @param latest the base set worked out in memory when it spans several tasks, else null
 */
record Selection(Subscription subscription, RecordScope scope, StatusCounts counter, LatestRecords latest) {
}
