/**
 * The cluster test ({@code scripts/cluster-test.sh}): load and faults against the cluster of {@code scripts/cluster.sh}
 * (three Galera nodes, two app nodes, HAProxy), then a check that nothing acknowledged was lost or doubled.
 */
package io.subwatch.cluster;
