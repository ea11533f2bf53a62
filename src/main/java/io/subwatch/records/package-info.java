/**
 * The one way to read {@code instance_record} as windows: a base set ({@link io.subwatch.records.RecordScope}: one
 * task, several tasks, the latest record per instance, the subscription's scope), a filter
 * ({@link io.subwatch.records.RecordFilter}: statuses, instance id lists, a breakdown place), the index-ordered
 * windows cut from them ({@link io.subwatch.records.RecordWindow}: by offset, streamed in chunks, several statuses
 * merged from one index read each, long id lists looked up in short IN lists) and the host searches and keyset walks
 * over the same indexes ({@link io.subwatch.records.RecordQueryDao}, {@link io.subwatch.records.RecordHostDao},
 * {@link io.subwatch.records.RecordSearchDao}), and the longest-running-first order of a window
 * ({@link io.subwatch.records.RecordRunningDao}).
 * task_result, the subscription page's table, its exports and the operator actions all read through here. Depends
 * on {@code subscription} only; knows nothing of the API, the pages, security or ingest.
 */
package io.subwatch.records;
