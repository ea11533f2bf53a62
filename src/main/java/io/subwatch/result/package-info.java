/**
 * The task_result API and its neighbours (task_result_detail, retry, revoke, retry_node, check_task_ready, info,
 * statistic, instance_status) as {@code ../shared/spec/task_result.md} fixes them, under every prefix NodeMan's clients
 * use: which records, in which order, with which counters, streamed as JSON.
 */
package io.subwatch.result;
