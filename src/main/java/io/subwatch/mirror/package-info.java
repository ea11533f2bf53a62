/**
 * The NodeMan mirror: reads the subscriptions of configured NodeMan sources (or other subwatch instances) through
 * NodeMan's public subscription API and writes them here through the same ingest services as any executor; sends
 * retry, revoke and retry_node on a mirrored subscription to its source (as the
 * {@link io.subwatch.subscription.SourceActions} the operator actions consult). Owns the source configuration, the
 * NodeMan client, the sync state and stored back-off, the source-to-local id maps and the lag gauge; depends on
 * ingest and subscription, and nothing but the pages (and the read-only {@code /admin/mirrors}, through
 * {@link io.subwatch.mirror.MirrorOverview}) depends on it.
 */
package io.subwatch.mirror;
