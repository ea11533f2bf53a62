/**
 * Progress insights of one task on the subscription page: how far it is (percent done, hosts finished per minute,
 * an ETA from recent throughput), how long each sub-step takes (median, p95, max) and which running hosts are
 * stragglers (running longer than their sub-step's p95 in this task). Reads only: bounded queries over
 * {@code instance_record}, whose rows hold their sub-step states; the page includes the panels as their own fragment
 * and refreshes them with its live poll. The page's table badges and filters the same stuck hosts
 * ({@link io.subwatch.progress.Stragglers#all()}), so the rule lives here alone.
 */
package io.subwatch.progress;
