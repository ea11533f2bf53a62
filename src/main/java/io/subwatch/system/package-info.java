/**
 * Cross-cutting plumbing: configuration properties, the clock, the API envelope and error codes, error pages, and
 * user-supplied text made safe to show ({@link io.subwatch.system.VisibleText}), the reader's time zone for every page
 * ({@link io.subwatch.system.ReaderZone}).
 */
package io.subwatch.system;
