/**
 * Who may see and do what: browser users and API applications, their roles and business grants, share links.
 */
package io.subwatch.security;
