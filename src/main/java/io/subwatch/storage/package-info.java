/**
 * The database's storage and connections: the embedded H2 database's files, checked before the database opens (an
 * empty file or one another process holds stops start-up), created owner-only, and every failure to open them
 * reported as one readable message; connections to MySQL/MariaDB in the schema's collation
 * and with the driver's statement and session caches on.
 */
package io.subwatch.storage;
