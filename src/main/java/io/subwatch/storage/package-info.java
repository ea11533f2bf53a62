/**
 * The embedded H2 database's files: checked before the database opens (an empty file or one another process holds
 * stops start-up), created owner-only, and every failure to open them reported as one readable message.
 */
package io.subwatch.storage;
