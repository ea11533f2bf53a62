package io.subwatch.ingest;

/** An event of a batch that was not applied, and why. */
public record EventError(int index, String message) {
}
