/**
 * Cross-cutting plumbing: configuration properties, the clock, the API envelope and error codes, error pages.
 */
package io.subwatch.system;
