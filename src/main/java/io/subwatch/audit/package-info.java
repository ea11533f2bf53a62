/**
 * The audit log: who did what, when, and to how many hosts (retries, terminations, share links, admin changes).
 */
package io.subwatch.audit;
