/**
 * The built-in demo executor: launches demo tasks and runs the records of the subscriptions it owns through their
 * sub-steps, reporting every transition and log line through the reporting API's services, like any executor.
 */
package io.subwatch.simulate;
