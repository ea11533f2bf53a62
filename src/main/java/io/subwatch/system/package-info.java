/**
 * Cross-cutting plumbing: configuration properties, the clock, the API envelope and error codes, error pages, and
 * user-supplied text made safe to show ({@link io.subwatch.system.VisibleText}).
 */
package io.subwatch.system;
