/**
 * The pages: the subscription list, a subscription's live result table with its counters and operator actions, and
 * an instance's step timeline with sub-step logs. Server-rendered with Thymeleaf, made live with htmx fragments that
 * stop polling once the work they show is done. Also the downloads of a view (host lists, CSV and JSON exports), the
 * language and time zone switches.
 */
package io.subwatch.web;
