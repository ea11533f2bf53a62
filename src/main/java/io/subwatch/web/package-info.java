/**
 * The pages: the subscription list, a subscription's live result table with its counters and operator actions, and
 * an instance's step timeline with sub-step logs. Server-rendered with Thymeleaf, made live with htmx fragments that
 * stop polling once the work they show is done.
 */
package io.subwatch.web;
