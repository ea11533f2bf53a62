/**
 * The task_result API and its neighbours (task_result_detail, retry, revoke) as {@code ../shared/spec/task_result.md}
 * fixes them: which records, in which order, with which counters, streamed as JSON.
 */
package io.subwatch.result;
