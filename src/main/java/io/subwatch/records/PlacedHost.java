package io.subwatch.records;

/**
 * A host as the breakdown panels sample it: where it stands, what it is called, the error line it stopped at.
 *
 * @param place its sub-step and error key
 * @param errorLine the log line it failed with, or null
 */
public record PlacedHost(Place place, String instanceId, String ip, String ipv6, String hostName, String errorLine) {
}
