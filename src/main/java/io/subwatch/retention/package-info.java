/**
 * Retention: what is removed once it is old ({@code subwatch.retention.*}), in bounded batches by one node at a time,
 * with an audit entry for each removal. Depends on the subscription tables and the audit; nothing depends on it.
 */
package io.subwatch.retention;
