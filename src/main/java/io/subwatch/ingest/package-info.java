/**
 * The reporting API ({@code ../shared/spec/ingest.md}): executors declare subscriptions and tasks and report sub-step
 * transitions. Writes go through here only, the built-in simulator included.
 */
package io.subwatch.ingest;
