/**
 * Demo data for the embedded default: a few subscriptions with finished and failed hosts, loaded through the
 * reporting API's own services when the database is empty.
 */
package io.subwatch.demo;
