/**
 * Subscriptions, their tasks and instance records: the tables, the status rules that derive a record's status
 * from its sub-steps, the maintained counters, and a subscription's scope ({@link io.subwatch.subscription.SubscriptionScope}).
 * Everything that reads or writes results goes through here.
 */
package io.subwatch.subscription;
