/**
 * The subscription page's breakdown panels: where hosts stand (a step × status matrix) and why they failed (failure
 * clusters of the same sub-step and normalised error). Reads only the place counters and the place columns that
 * {@code subscription} maintains with every write ({@code RecordPlaces}); never scans records or logs: the sample
 * hosts of a cluster are a short window of the record engine ({@code records}). Depends on {@code subscription} and
 * {@code records}; the pages ({@code web}) depend on it.
 */
package io.subwatch.breakdown;
