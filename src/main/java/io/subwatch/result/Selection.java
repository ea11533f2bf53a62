package io.subwatch.result;

import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Subscription;

/** A resolved task_result request: whose records, which base set, and its global counter. */
record Selection(Subscription subscription, RecordScope scope, StatusCounts counter) {
}
