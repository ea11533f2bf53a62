package io.subwatch.web;

import java.time.Instant;

import io.subwatch.subscription.Status;

/** A task in the task selector: id, when, how many hosts and how it went. */
public record TaskOption(long id, Instant createdAt, int hostCount, Status summary, boolean selected) {
}
