/**
 * Subscriptions, their tasks and instance records: the tables, the status rules that derive a record's status
 * from its sub-steps, and the maintained counters. Everything that reads or writes results goes through here.
 */
package io.subwatch.subscription;
