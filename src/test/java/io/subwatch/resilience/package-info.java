/**
 * The resilience suite (issue 13): hostile input at every API route and form, concurrent event writers, a database
 * outage, a SIGKILL mid-simulation, and (as a benchmark) 500 polling browsers. Each test asserts that nothing the app
 * acknowledged is lost and that no request gets a bare 500.
 */
package io.subwatch.resilience;
