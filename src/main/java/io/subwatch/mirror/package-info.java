/**
 * The NodeMan mirror: reads the subscriptions of configured NodeMan sources (or other subwatch instances) through
 * NodeMan's public subscription API and writes them here through the same ingest services as any executor. Owns the
 * source configuration, the NodeMan client, the sync state and the source-to-local id maps; depends on ingest and
 * subscription, and nothing but the pages depends on it.
 */
package io.subwatch.mirror;
